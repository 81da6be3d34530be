"""The figures shown on 首页 and 台账与归档."""

from __future__ import annotations

from dataclasses import dataclass

from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.overview import Totals, YearFigures, figures_by_year, totals


@dataclass(frozen=True)
class Overview:
    totals: Totals
    years: list[YearFigures]


def load_overview(db: Database) -> Overview:
    with db.read() as session:
        return Overview(totals(session), figures_by_year(session))
