from pathlib import Path

import pypdfium2 as pdfium

from tests.pdf_helpers import flat, pdf_text, render_pages
from wenming_desktop.domain.identity import mask_phone
from wenming_desktop.services.activities.records import load_detail
from wenming_desktop.services.activities.signin import export_volunteer_signin
from wenming_desktop.services.settings.workspace import Workspace


def test_volunteer_sheet_lists_the_assigned_volunteers_masked(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    detail = load_detail(demo_workspace, 3)
    path = tmp_path / "签到表.pdf"
    count = export_volunteer_signin(demo_workspace, 3, path, blank_rows=60)
    assert count == len(detail.participants) > 0
    document = pdfium.PdfDocument(str(path))
    pages = [page.get_textpage().get_text_range() for page in document]
    document.close()
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "序号" in text and "本人签名" in text  # header row on every page
        assert f"第 {number} 页 共 {len(pages)} 页" in text
        # A loose page still says which activity, sheet and day it belongs to.
        assert detail.title in flat(text) and "志愿者签到表" in text
        assert f"{detail.start_at:%Y年%m月%d日}" in text
    text = flat(pdf_text(path))
    assert detail.title in text and "志愿者签到表" in text and detail.organizer in text
    for p in detail.participants:
        assert p.name in text
        assert mask_phone(p.phone) in text
        assert p.phone not in text
    render_pages(path, tmp_path)
