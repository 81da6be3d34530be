"""The registry of ledgers and documents of a period (台账与文档): each one declared once.

Three fronts read LEDGERS and nothing else to know which ledgers exist:
- the command line: `wenming export <cli_name>` (cli/ledger_commands.py builds one sub-command
  per entry, its options following the entry's period rule, village scope and masking);
- the window: 台账与归档 lists every entry and exports the chosen one alone;
- the filing packet (services/filing/filing.py) writes every entry with `in_packet`, masked.

A new ledger is one `LedgerSpec` here plus its writer: a function
`(workspace, request, path) -> count` that calls its subject's export use case. How to add one:
docs/ledgers.md. Documents of one item (an activity's record or sign-in sheet, a volunteer's
certificate) are not period documents: they stay with their pages and their own commands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.periods import Period, parse_period
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.settings.workspace import Workspace

LEDGER_FOLDER = "01_台账"
SUMMARY_FOLDER = "02_工作总结"


class PeriodRule(Enum):
    """Which span of time a ledger covers."""

    YEAR = "year"  # a calendar year when exported alone; in a packet, the packet's period
    PERIOD = "period"  # any period: year, half-year, quarter or month
    NONE = "none"  # the list as it stands today; no period

    @property
    def label(self) -> str:
        return {"year": "按年度", "period": "按期间", "none": "当前名单"}[self.value]


@dataclass(frozen=True)
class LedgerRequest:
    """What one export of one ledger covers.

    `period` is always set (YEAR ledgers use its year, NONE ledgers ignore it); the village is
    ignored by ledgers that are not `by_village`; `unmasked` only by `maskable` ones; `options`
    holds the keys of the ledger's own yes/no options that were chosen.
    """

    period: Period
    village_id: int | None = None
    village_name: str | None = None
    unmasked: bool = False
    options: frozenset[str] = frozenset()
    progress: Progress | None = None

    @property
    def year(self) -> int:
        return self.period.start.year

    @property
    def whole_year(self) -> bool:
        return len(self.period.code) == 4


Writer = Callable[[Workspace, LedgerRequest, Path], int]
FileName = Callable[[LedgerRequest], str]


@dataclass(frozen=True)
class LedgerOption:
    """A yes/no option of one ledger: `flag` on the command line, `key` in the request."""

    flag: str
    key: str
    help: str


@dataclass(frozen=True)
class LedgerSpec:
    """One ledger or document of a period, as every front sees it.

    cli_name: the `wenming export` sub-command; title: the Chinese name a clerk reads;
    file_name: the file's name when exported alone; packet_file: its name inside the packet
    (None: not in the packet); unit: what the writer's count counts ("" when it counts nothing).
    """

    cli_name: str
    title: str
    period_rule: PeriodRule
    write: Writer
    file_name: FileName
    packet_file: FileName | None
    unit: str
    packet_folder: str = LEDGER_FOLDER
    by_village: bool = False
    maskable: bool = False
    options: tuple[LedgerOption, ...] = ()
    # Set: the packet holds this entry only when the packet's option is chosen
    # (`wenming packet <flag>`, a checkbox of the window's packet); masked like the rest.
    packet_option: LedgerOption | None = None

    @property
    def in_packet(self) -> bool:
        """In every packet (an entry with `packet_option` only on request)."""
        return self.packet_file is not None and self.packet_option is None

    @property
    def format_label(self) -> str:
        """ "Excel" or "PDF", from the file the ledger writes."""
        sample = self.file_name(LedgerRequest(parse_period("2000")))
        return "PDF" if sample.lower().endswith(".pdf") else "Excel"

    def done_message(self, count: int, path: Path, request: LedgerRequest) -> str:
        """The one line a clerk reads after the export, in the window and on the console."""
        counted = f"（{count} {self.unit}）" if self.unit else ""
        unmasked = "（未脱敏，已记入操作日志）" if self.maskable and request.unmasked else ""
        return f"已导出{self.title}{counted}{unmasked}：{path}"


def year_period(year: int) -> Period:
    """The whole `year` as a period; a year outside 2000–2100 is a UserError."""
    if not 2000 <= year <= 2100:
        raise UserError(f"年度 {year} 不合理，应在 2000 至 2100 之间")
    return parse_period(str(year))


def this_year() -> Period:
    return year_period(date.today().year)


def _village_suffix(request: LedgerRequest) -> str:
    return f"_{request.village_name}" if request.village_name else ""


def fixed(name: str) -> FileName:
    """A file name that does not depend on the request (a packet's ledgers)."""
    return lambda _request: name


# Writers: one short adapter per ledger onto its subject's export use case. Subject modules are
# imported on use, so the window does not load openpyxl or reportlab when it starts.


def _villages(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.villages.village_ledger import export_villages

    return export_villages(ws.db, path, unmask=request.unmasked)


def _villages_name(_request: LedgerRequest) -> str:
    from wenming_desktop.services.villages.village_ledger import default_villages_name

    return default_villages_name()


def _roster(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.roster.roster_exports import export_roster

    return export_roster(
        ws.db,
        path,
        unmasked=request.unmasked,
        include_inactive="active_only" not in request.options,
        progress=request.progress,
    )


def _hours(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.roster.roster_exports import export_hours

    period = None if request.whole_year else request.period  # a packet's month, quarter …
    return export_hours(ws.db, path, request.year, progress=request.progress, period=period)


def _checkups(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.checkups.checkup_exports import export_checkup_ledger

    return export_checkup_ledger(
        ws.db,
        path,
        request.year,
        request.village_id,
        request.unmasked,
        request.progress,
        period=None if request.whole_year else request.period,  # a packet's month, quarter …
    )


def _checkup_summary(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.checkups.checkup_summary import export_checkup_summary

    return export_checkup_summary(ws.db, path, request.period, request.village_id, request.progress)


FULL_CHECKUPS = LedgerOption(
    "--full-checkups", "full_checkups", "附完整的健康体检台账（脱敏；体检人次多时页数很多）"
)


def _activities(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.activities.activity_export import export_activity_range

    period = request.period
    label = f"{request.year}年度" if request.whole_year else period.label
    return export_activity_range(
        ws.db,
        path,
        period.start,
        period.end,
        label,
        request.village_id,
        request.village_name,
        request.progress,
    )


def _activities_name(request: LedgerRequest) -> str:
    when = str(request.year) if request.whole_year else request.period.label
    return safe_filename(f"文明实践活动台账_{when}{_village_suffix(request)}.xlsx")


def _audit(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.safety.audit_log import export_audit_period

    return export_audit_period(ws.db, path, request.period)


def _meetings(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.office.office_exports import export_meetings_ledger

    return export_meetings_ledger(ws.db, path, request.period, date.today())


def _rectifications(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.office.office_exports import export_rectification_ledger

    return export_rectification_ledger(ws.db, path, request.period, date.today())


def _commendations_name(request: LedgerRequest) -> str:
    from wenming_desktop.domain.office import commendation_selection

    return safe_filename(f"{commendation_selection(request.period).heading}评选表彰台账.xlsx")


def _commendations(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.office.office_exports import export_commendations_ledger

    return export_commendations_ledger(ws.db, path, request.period, date.today())


def _summary(ws: Workspace, request: LedgerRequest, path: Path) -> int:
    from wenming_desktop.services.filing.summary import export_summary

    export_summary(ws.db, path, request.period, request.village_id)
    return 1


LEDGERS: tuple[LedgerSpec, ...] = (
    LedgerSpec(
        cli_name="villages",
        title="结对村名册",
        period_rule=PeriodRule.NONE,
        write=_villages,
        file_name=_villages_name,
        packet_file=fixed("结对村名册.xlsx"),
        unit="个结对村",
        maskable=True,
    ),
    LedgerSpec(
        cli_name="volunteers",
        title="志愿者花名册",
        period_rule=PeriodRule.NONE,
        write=_roster,
        file_name=fixed("志愿者花名册.xlsx"),
        packet_file=fixed("志愿者花名册.xlsx"),
        unit="人",
        maskable=True,
        options=(LedgerOption("--active-only", "active_only", "不含已停用的志愿者"),),
    ),
    LedgerSpec(
        cli_name="hours",
        title="志愿服务时长台账",
        period_rule=PeriodRule.YEAR,
        write=_hours,
        file_name=lambda r: f"{r.year}年度志愿服务时长台账.xlsx",
        packet_file=fixed("志愿服务时长台账.xlsx"),
        unit="人",
    ),
    LedgerSpec(
        cli_name="checkups",
        title="健康体检台账",
        period_rule=PeriodRule.YEAR,
        write=_checkups,
        file_name=lambda r: safe_filename(f"健康体检台账_{r.year}{_village_suffix(r)}.xlsx"),
        packet_file=fixed("健康体检台账.xlsx"),
        unit="人次",
        by_village=True,
        maskable=True,
        packet_option=FULL_CHECKUPS,
    ),
    LedgerSpec(
        cli_name="checkup-summary",
        title="健康体检汇总",
        period_rule=PeriodRule.PERIOD,
        write=_checkup_summary,
        file_name=lambda r: safe_filename(f"{r.period.label}健康体检汇总{_village_suffix(r)}.xlsx"),
        packet_file=fixed("健康体检汇总.xlsx"),
        unit="人次",
        by_village=True,
    ),
    LedgerSpec(
        cli_name="activities",
        title="文明实践活动台账",
        period_rule=PeriodRule.PERIOD,
        write=_activities,
        file_name=_activities_name,
        packet_file=fixed("文明实践活动台账.xlsx"),
        unit="场活动",
        by_village=True,
    ),
    LedgerSpec(
        cli_name="meetings",
        title="会议台账",
        period_rule=PeriodRule.PERIOD,
        write=_meetings,
        file_name=lambda r: safe_filename(f"{r.period.label}会议台账.xlsx"),
        packet_file=fixed("会议台账.xlsx"),
        unit="次会议",
    ),
    LedgerSpec(
        cli_name="rectifications",
        title="整改台账",
        period_rule=PeriodRule.PERIOD,
        write=_rectifications,
        file_name=lambda r: safe_filename(f"{r.period.label}整改台账.xlsx"),
        packet_file=fixed("整改台账.xlsx"),
        unit="项问题",
    ),
    LedgerSpec(
        cli_name="commendations",
        title="评选表彰台账",
        period_rule=PeriodRule.PERIOD,
        write=_commendations,
        file_name=_commendations_name,
        packet_file=fixed("评选表彰台账.xlsx"),
        unit="项表彰",
    ),
    LedgerSpec(
        cli_name="audit",
        title="操作日志",
        period_rule=PeriodRule.PERIOD,
        write=_audit,
        file_name=lambda r: safe_filename(f"{r.period.label}操作日志.xlsx"),
        packet_file=fixed("操作日志.xlsx"),
        unit="条",
    ),
    LedgerSpec(
        cli_name="summary",
        title="工作总结",
        period_rule=PeriodRule.PERIOD,
        write=_summary,
        file_name=lambda r: safe_filename(f"{r.period.label}工作总结{_village_suffix(r)}.pdf"),
        packet_file=lambda r: f"{r.period.label}工作总结.pdf",
        unit="",
        packet_folder=SUMMARY_FOLDER,
        by_village=True,
    ),
)


def ledger(cli_name: str) -> LedgerSpec:
    """The entry named `cli_name`; KeyError for a name not in the registry (a bug)."""
    return {spec.cli_name: spec for spec in LEDGERS}[cli_name]


def packet_parts(options: frozenset[str] = frozenset()) -> tuple[LedgerSpec, ...]:
    """The entries a filing packet holds, in the packet's order: those `in_packet`, and those
    whose `packet_option` key is among `options`."""
    return tuple(
        spec
        for spec in LEDGERS
        if spec.in_packet or (spec.packet_option is not None and spec.packet_option.key in options)
    )


def packet_options() -> tuple[LedgerOption, ...]:
    """The packet's own yes/no options (one per entry held only on request)."""
    return tuple(spec.packet_option for spec in LEDGERS if spec.packet_option is not None)
