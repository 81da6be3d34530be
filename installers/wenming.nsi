; 文明实践工作台 — NSIS installer (Chinese interface, per-user, no administrator rights).
; Compiled by installers/build.py:
;   makensis -INPUTCHARSET UTF8 -DVERSION=x.y.z -DBUNDLE_DIR=<dist/wenming> -DOUT_FILE=<setup.exe>
;            -DROOT=<checkout> installers/wenming.nsi
; The uninstaller removes the program only: the data folder (%LOCALAPPDATA%\WenmingDesktop,
; database, attachments, exports, backups) stays, and the uninstaller says so.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is not defined (-DVERSION=x.y.z)"
!endif
!ifndef BUNDLE_DIR
  !error "BUNDLE_DIR is not defined (-DBUNDLE_DIR=dist/wenming)"
!endif
!ifndef ROOT
  !define ROOT ".."
!endif
!ifndef OUT_FILE
  !define OUT_FILE "文明实践工作台-安装程序-${VERSION}.exe"
!endif

!define APP_NAME "文明实践工作台"
!define APP_ID "WenmingDesktop"
!define APP_EXE "wenming.exe"
!define DATA_DIR "$LOCALAPPDATA\WenmingDesktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME}"
Caption "${APP_NAME} ${VERSION} 安装"
OutFile "${OUT_FILE}"
; Per user: under the user's own AppData, so no administrator rights are needed.
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" ""

!include "MUI2.nsh"

!define MUI_ICON "${ROOT}\resources\icons\wenming.ico"
!define MUI_UNICON "${ROOT}\resources\icons\wenming.ico"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TITLE "欢迎安装${APP_NAME}"
!define MUI_WELCOMEPAGE_TEXT "本向导将把${APP_NAME} ${VERSION} 安装到您的电脑上。$\r$\n$\r$\n程序只为当前 Windows 用户安装，不需要管理员权限。$\r$\n$\r$\n数据（数据库、照片附件、导出的台账和备份）保存在：$\r$\n${DATA_DIR}$\r$\n升级或卸载程序都不会删除这些数据。$\r$\n$\r$\n点击“下一步”继续。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${APP_NAME}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从您的电脑上删除${APP_NAME}程序。$\r$\n您的数据文件夹 ${DATA_DIR} 会保留，不会被删除。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  ; An update replaces the program files; the data folder is elsewhere and untouched.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only what the installer put there: never a recursive delete of the chosen folder itself.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  MessageBox MB_OK|MB_ICONINFORMATION "${APP_NAME}已卸载。$\r$\n$\r$\n您的数据仍保留在：$\r$\n${DATA_DIR}$\r$\n（数据库、照片附件、导出的台账和备份）。重新安装后可继续使用；如确定不再需要，可手动删除该文件夹。" /SD IDOK
SectionEnd
