"""The deterministic demo data set (`wenming demo`) and the large benchmark set (`--scale large`).

Everything is written with SQLAlchemy Core executemany in one transaction (Core is ~16× faster
than the ORM for bulk rows; docs/architecture.md, "Writes, migrations, backups"): the large set
is several hundred thousand rows and must take well under a minute.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import id_check_char
from wenming_desktop.domain.name_pinyin import name_initials
from wenming_desktop.domain.periods import concentrated_week
from wenming_desktop.domain.vocabulary import (
    CHRONIC_CONDITIONS,
    PAIRING_CATEGORIES,
    TCM_CONSTITUTIONS,
)
from wenming_desktop.services.settings.demo_constitution import demo_answers, demo_constitution
from wenming_desktop.services.settings.demo_office import load_office_demo
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import (
    Activity,
    Category,
    Checkup,
    ClinicService,
    Department,
    Participation,
    PartyBranch,
    Resident,
    ServiceKind,
    Setting,
    Team,
    Village,
    Volunteer,
    activity_department,
    volunteer_team,
)

HOSPITAL = "鹤岗市中医院"
HEALTH = "健康生活(健康义诊/健康体检)"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"  # noqa: E501
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建国志强海燕丹梅春凤桂芝淑珍玉珍秀珍凤兰德胜福林宝山永明"  # noqa: E501
DEPARTMENTS = (
    "内科", "外科", "妇科", "儿科", "针灸科", "推拿科", "骨伤科", "康复科",
    "中药房", "护理部", "检验科", "放射科", "急诊科", "党办",
)  # fmt: skip
TITLES = ("主任医师", "副主任医师", "主治医师", "医师", "主管护师", "护师", "药师", "")
VILLAGES = (
    ("萝北县肇兴镇东兴村", "东兴村新时代文明实践站", "刘德胜", "13904681234"),
    ("萝北县肇兴镇胜利村", "胜利村新时代文明实践站", "王福林", "13945671288"),
    ("萝北县肇兴镇新胜村", "新胜村新时代文明实践站", "赵宝山", "15846123456"),
    ("萝北县肇兴镇太平村", "太平村新时代文明实践站", "孙永明", "18245109876"),
)
TITLES_BY_CATEGORY = {
    "教育培训": ("乡村医生业务培训", "农村实用技能培训"),
    "文化供给": ("送文化下乡文艺演出", "中医药文化进乡村"),
    "政策支持(医疗帮扶)": ("医保政策宣讲", "家庭医生签约服务宣传"),
    HEALTH: ("健康义诊暨老年人健康体检", "三伏贴义诊活动"),
    "移风易俗": ("移风易俗倡导宣传", "文明新风进万家"),
    "家庭教育": ("家庭健康教育讲座", "儿童安全用药讲座"),
    "安全防护": ("急救知识培训", "防溺水防诈骗宣传"),
    "关心关爱": ("走访慰问留守老人", "关爱留守儿童活动"),
}


@dataclass(frozen=True)
class Scale:
    villages: int
    volunteers: int
    residents: int
    volunteers_per_activity: tuple[int, int]
    checkups_per_resident_year: int


NORMAL = Scale(
    villages=4,
    volunteers=60,
    residents=300,
    volunteers_per_activity=(10, 16),
    checkups_per_resident_year=1,
)
# 20 villages × 24 months × ~10.4 activities ≈ 5,000; 20 volunteers each ≈ 100,000 participations;
# 20,000 residents with checkups in both years and repeats ≈ 100,000 checkups.
LARGE = Scale(
    villages=20,
    volunteers=3000,
    residents=20000,
    volunteers_per_activity=(20, 22),
    checkups_per_resident_year=3,
)
LARGE_ACTIVITIES = 5000


def _chunks(rows: list[dict[str, Any]], size: int = 5000) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for chunk in _chunks(rows):
        conn.execute(insert(table), chunk)


class _Maker:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.used_ids: set[str] = set()

    def name(self) -> str:
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return self.rng.choice(SURNAMES) + given

    def phone(self) -> str:
        return self.rng.choice(("139", "138", "158", "182", "135", "150")) + "".join(
            str(self.rng.randrange(10)) for _ in range(8)
        )

    def id_number(self, birth: date, male: bool, region: str = "230421") -> str:
        while True:
            order = self.rng.randrange(0, 500) * 2 + (1 if male else 0)
            first17 = f"{region}{birth:%Y%m%d}{order:03d}"
            number = first17 + id_check_char(first17)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def birth(self, min_age: int, max_age: int) -> date:
        year = self.today.year - self.rng.randint(min_age, max_age)
        return date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))


def load_demo(
    db: Database,
    large: bool = False,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Write the demo set into an empty database; returns row counts per table."""
    say = progress or (lambda _msg: None)
    with db.engine.connect() as probe:
        existing = probe.scalar(select(func.count()).select_from(Village)) or 0
        existing += probe.scalar(select(func.count()).select_from(Volunteer)) or 0
    if existing:
        raise UserError(
            "当前数据文件夹中已有数据，演示数据只能写入空的数据文件夹；请用 --data-dir 指定新文件夹"
        )
    scale = LARGE if large else NORMAL
    maker = _Maker(seed=20200324, today=today or date.today())
    counts: dict[str, int] = {}
    with db.engine.begin() as conn:
        _settings(conn)
        say("结对村")
        villages = _villages(conn, maker, scale)
        say("科室与志愿者")
        volunteers, doctors = _volunteers(conn, maker, scale)
        say("活动")
        activities = _activities(conn, maker, scale, villages, volunteers, large)
        say("村民与体检")
        counts.update(_residents_and_checkups(conn, maker, scale, villages, activities, doctors))
        say("创建工作")
        counts.update(load_office_demo(conn, maker.today))
        for table in (Village, Volunteer, Activity, Participation, ClinicService):
            counts[table.__tablename__] = conn.scalar(select(func.count()).select_from(table)) or 0
    return counts


def _settings(conn: Connection) -> None:
    conn.execute(
        Setting.__table__.update().where(Setting.key == "hospital_name"), {"value": HOSPITAL}
    )


def _villages(conn: Connection, m: _Maker, scale: Scale) -> list[int]:
    rows = []
    for i in range(scale.villages):
        if i < len(VILLAGES):
            name, station, contact, phone = VILLAGES[i]
        else:
            name = f"萝北县示范{i + 1}村"
            station, contact, phone = f"示范{i + 1}村新时代文明实践站", m.name(), m.phone()
        rows.append(
            {
                "name": name,
                "station_name": station,
                "contact_person": contact,
                "contact_phone": phone,
                "pairing_start": date(2020, 3, 24),
                "pairing_end": None,
                "notes": "",
            }
        )
    _insert(conn, Village.__table__, rows)
    return list(conn.scalars(select(Village.id).order_by(Village.id)))


def _volunteers(
    conn: Connection, m: _Maker, scale: Scale
) -> tuple[list[tuple[int, bool]], list[int]]:
    _insert(
        conn,
        Department.__table__,
        [{"name": n, "sort_order": i} for i, n in enumerate(DEPARTMENTS)],
    )
    dept_ids = list(conn.scalars(select(Department.id).order_by(Department.id)))
    branches = ["第一党支部", "第二党支部", "第三党支部", "机关党支部"]
    _insert(conn, PartyBranch.__table__, [{"name": n} for n in branches])
    branch_ids = list(conn.scalars(select(PartyBranch.id).order_by(PartyBranch.id)))
    teams = [
        ("中医义诊服务队", "中医适宜技术义诊"),
        ("健康宣教服务队", "健康知识讲座"),
        ("党员先锋服务队", "党员志愿服务"),
    ]
    _insert(conn, Team.__table__, [{"name": n, "description": d} for n, d in teams])
    team_ids = list(conn.scalars(select(Team.id).order_by(Team.id)))
    rows = []
    for i in range(scale.volunteers):
        male = m.rng.random() < 0.4
        birth = m.birth(23, 58)
        name = m.name()
        status = m.rng.choices(["中共党员", "中共预备党员", "共青团员", "群众"], (45, 5, 15, 35))[0]
        registered = m.rng.random() < 0.92
        dept_index = m.rng.randrange(len(dept_ids))
        rows.append(
            {
                "staff_no": f"ZY{i + 1:04d}",
                "name": name,
                "pinyin_initials": name_initials(name),
                "gender": "男" if male else "女",
                "birth_date": birth,
                "id_number": m.id_number(birth, male, "230402"),
                "phone": m.phone(),
                "department_id": dept_ids[dept_index],
                "title": TITLES[m.rng.randrange(len(TITLES))] if dept_index < 12 else "",
                "position": "科主任" if m.rng.random() < 0.08 else "",
                "political_status": status,
                "party_branch_id": m.rng.choice(branch_ids) if status.startswith("中共") else None,
                "registered": registered,
                "registry_no": f"23040{m.rng.randrange(10**8):08d}" if registered else "",
                "registered_on": date(2020, 3, 1) + timedelta(days=m.rng.randrange(900))
                if registered
                else None,
                "registry_minutes": None,
                "specialty": "",
                "active": m.rng.random() > 0.03,
                "notes": "",
            }
        )
    _insert(conn, Volunteer.__table__, rows)
    ids = list(
        conn.execute(select(Volunteer.id, Volunteer.active, Volunteer.title).order_by(Volunteer.id))
    )
    links = [
        {"volunteer_id": vid, "team_id": m.rng.choice(team_ids)}
        for vid, _active, _title in ids
        if m.rng.random() < 0.5
    ]
    _insert(conn, volunteer_team, links)
    volunteers = [(vid, bool(active)) for vid, active, _title in ids]
    doctors = [vid for vid, active, title in ids if active and "医师" in (title or "")]
    return volunteers, doctors


def _activity_slots(
    m: _Maker, scale: Scale, villages: list[int], large: bool
) -> list[tuple[int, date, str]]:
    """(village, day, category) for every activity over last year and this year."""
    slots: list[tuple[int, date, str]] = []
    for year in (m.today.year - 1, m.today.year):
        for month in range(1, 13):
            week_start, _ = concentrated_week(year, month)
            for village in villages:
                if large:
                    continue
                # The monthly free clinic, in the concentrated week (one village misses a few).
                if not (village == villages[-1] and month in (2, 8)):
                    slots.append((village, week_start + timedelta(days=m.rng.randrange(5)), HEALTH))
                if m.rng.random() < 0.6:
                    other = m.rng.choice([c for c in PAIRING_CATEGORIES if c != HEALTH])
                    slots.append((village, date(year, month, m.rng.randint(1, 28)), other))
    if large:
        years = (m.today.year - 1, m.today.year)
        for i in range(LARGE_ACTIVITIES):
            day = date(m.rng.choice(years), m.rng.randint(1, 12), m.rng.randint(1, 28))
            category = HEALTH if i % 3 == 0 else m.rng.choice(PAIRING_CATEGORIES)
            slots.append((villages[i % len(villages)], day, category))
    slots.sort(key=lambda s: (s[1], s[0]))
    return slots


def _activities(
    conn: Connection,
    m: _Maker,
    scale: Scale,
    villages: list[int],
    volunteers: list[tuple[int, bool]],
    large: bool,
) -> list[tuple[int, int, date, bool]]:
    categories = dict(conn.execute(select(Category.name, Category.id)).all())
    village_names = dict(conn.execute(select(Village.id, Village.name)).all())
    kinds = list(conn.scalars(select(ServiceKind.id).order_by(ServiceKind.sort_order)))
    dept_ids = list(conn.scalars(select(Department.id).order_by(Department.id)))[:9]
    slots = _activity_slots(m, scale, villages, large)
    rows = []
    for village, day, category in slots:
        start = datetime.combine(day, time(8 if category == HEALTH else 14, 30))
        end = start + timedelta(hours=3 if category == HEALTH else 2)
        status = "done" if day < m.today else "planned"
        if status == "done" and m.rng.random() < 0.03:
            status = "cancelled"
        short = village_names[village].removeprefix("萝北县肇兴镇")
        public = m.rng.random() < 0.1
        expected = 1200 if m.rng.random() < 0.02 else m.rng.randint(40, 200)
        rows.append(
            {
                "title": f"{short}{m.rng.choice(TITLES_BY_CATEGORY[category])}",
                "category_id": categories[category],
                "village_id": village,
                "place": "村文化广场" if public else "村新时代文明实践站",
                "place_is_public": public,
                "start_at": start,
                "end_at": end,
                "organizer": HOSPITAL,
                "person_in_charge": m.name(),
                "expected_attendance": expected,
                "actual_attendance": expected + m.rng.randint(-20, 30)
                if status == "done"
                else None,
                "status": status,
                "summary": "活动按计划开展，群众反响良好。" if status == "done" else "",
                "police_approval_ref": "鹤公审〔2025〕12号"
                if expected >= 1000 and m.rng.random() < 0.5
                else "",
                "city_approval_ref": "城管审字第08号" if public and m.rng.random() < 0.7 else "",
                "has_backdrop": m.rng.random() < 0.9,
                "medicine_kit_holder": m.name() if m.rng.random() < 0.85 else "",
                "request_id": None,
                "satisfaction": m.rng.choice((4, 5, 5)) if status == "done" else None,
                "evaluation_comment": "",
            }
        )
    _insert(conn, Activity.__table__, rows)
    acts = list(
        conn.execute(
            select(
                Activity.id,
                Activity.village_id,
                Activity.start_at,
                Activity.end_at,
                Activity.status,
                Activity.category_id,
            ).order_by(Activity.id)
        )
    )
    active = [vid for vid, is_active in volunteers if is_active]
    weights = {vid: m.rng.choice((0.3, 1.0, 1.0, 2.5)) for vid in active}
    health_id = categories[HEALTH]
    parts: list[dict[str, Any]] = []
    services: list[dict[str, Any]] = []
    depts: list[dict[str, Any]] = []
    result: list[tuple[int, int, date, bool]] = []
    open_left = 3
    for act_id, village, start, end, status, category_id in acts:
        is_health = category_id == health_id
        result.append((act_id, village, start.date(), is_health and status == "done"))
        if status == "cancelled":
            continue
        count = min(m.rng.randint(*scale.volunteers_per_activity), len(active))
        # Weighted sampling without replacement (Efraimidis–Spirakis): a core of keen
        # volunteers serves often, others rarely, so some meet 48 hours and some do not.
        keyed = sorted(active, key=lambda v: m.rng.random() ** (1 / weights[v]), reverse=True)
        for seq, vid in enumerate(keyed[:count]):
            row: dict[str, Any] = {
                "activity_id": act_id,
                "volunteer_id": vid,
                "seq": seq + 1,
                "sign_in": None,
                "sign_out": None,
                "recorded_minutes": None,
                "corrected_minutes": None,
                "correction_reason": "",
                "corrected_by": "",
                "corrected_at": None,
            }
            if status == "done":
                sign_in = start + timedelta(minutes=m.rng.randint(-15, 10))
                sign_out = end + timedelta(minutes=m.rng.randint(-10, 20))
                row["sign_in"] = sign_in
                if open_left and start.year == m.today.year and m.rng.random() < 0.01:
                    open_left -= 1  # a forgotten sign-out, listed on 首页 until settled
                else:
                    row["sign_out"] = sign_out
                    row["recorded_minutes"] = int((sign_out - sign_in).total_seconds() // 60)
                    if m.rng.random() < 0.02:
                        row["corrected_minutes"] = 240
                        row["correction_reason"] = "签退时间漏记，按活动记录更正"
                        row["corrected_by"] = "文明办"
                        row["corrected_at"] = end + timedelta(days=2)
            parts.append(row)
        if is_health and status == "done":
            for kind in kinds:
                services.append(
                    {
                        "activity_id": act_id,
                        "service_kind_id": kind,
                        "department_id": None,
                        "people_served": m.rng.randint(20, 120),
                        "materials_given": m.rng.randint(0, 150),
                        "notes": "",
                    }
                )
            for dept in m.rng.sample(dept_ids, 3):
                depts.append({"activity_id": act_id, "department_id": dept})
    _insert(conn, Participation.__table__, parts)
    _insert(conn, ClinicService.__table__, services)
    _insert(conn, activity_department, depts)
    return result


def _residents_and_checkups(
    conn: Connection,
    m: _Maker,
    scale: Scale,
    villages: list[int],
    activities: list[tuple[int, int, date, bool]],
    doctors: list[int],
) -> dict[str, int]:
    rows = []
    for i in range(scale.residents):
        village = villages[i % len(villages)]
        child = m.rng.random() < 0.06
        birth = m.birth(6, 14) if child else m.birth(55, 90)
        male = m.rng.random() < 0.48
        name = m.name()
        age = m.today.year - birth.year
        rows.append(
            {
                "village_id": village,
                "name": name,
                "pinyin_initials": name_initials(name),
                "id_number": m.id_number(birth, male),
                "birth_date": birth,
                "gender": "男" if male else "女",
                "phone": m.phone() if m.rng.random() < 0.7 else "",
                "group_name": f"第{m.rng.randint(1, 6)}村民小组",
                "address": "",
                "left_behind_elderly": age >= 60 and m.rng.random() < 0.25,
                "living_alone": age >= 60 and m.rng.random() < 0.1,
                "left_behind_child": child and m.rng.random() < 0.6,
                "disabled": m.rng.random() < 0.04,
                "needy": m.rng.random() < 0.08,
                "notes": "",
            }
        )
    _insert(conn, Resident.__table__, rows)
    residents = list(conn.execute(select(Resident.id, Resident.village_id, Resident.birth_date)))
    days_by_village: dict[int, list[tuple[int, date]]] = {}
    for act_id, village, day, is_checkup_day in activities:
        if is_checkup_day:
            days_by_village.setdefault(village, []).append((act_id, day))
    checkups: list[dict[str, Any]] = []
    for res_id, village, born in residents:
        if born is None or m.today.year - born.year < 18:
            continue
        days = days_by_village.get(village, [])
        per_year = scale.checkups_per_resident_year
        for year in (m.today.year - 1, m.today.year):
            by_day = {d[1]: d for d in days if d[1].year == year}  # one checkup per day
            year_days = list(by_day.values())
            if not year_days or m.rng.random() < 0.15:
                continue
            for act_id, day in m.rng.sample(year_days, min(per_year, len(year_days))):
                checkups.append(_checkup(m, res_id, act_id, day, born, doctors))
    _insert(conn, Checkup.__table__, checkups)
    return {"resident": len(residents), "checkup": len(checkups)}


def _checkup(
    m: _Maker, resident: int, activity: int, day: date, birth: date, doctors: list[int]
) -> dict[str, Any]:
    rng = m.rng
    height = round(rng.gauss(162, 8), 1)
    weight = round(rng.gauss(64, 11), 1)
    hypertensive = rng.random() < 0.3
    systolic = rng.randint(140, 175) if hypertensive else rng.randint(105, 139)
    diastolic = rng.randint(85, 105) if hypertensive else rng.randint(62, 89)
    glucose = round(
        rng.choice(
            (rng.uniform(4.2, 6.0),) * 7
            + (rng.uniform(6.1, 6.9), rng.uniform(7.0, 11.5), rng.uniform(4.5, 5.8))
        ),
        1,
    )
    conditions = [c for c in CHRONIC_CONDITIONS if rng.random() < 0.08]
    if hypertensive and "高血压" not in conditions and rng.random() < 0.6:
        conditions.insert(0, "高血压")
    elderly = day.year - birth.year >= 60
    scores = (
        (
            rng.choice((0, 0, 0, 3)),
            rng.choice((0, 0, 1)),
            rng.choice((0, 0, 3)),
            rng.choice((0, 0, 1, 5)),
            rng.choice((0, 0, 1, 5)),
        )
        if elderly
        else (None,) * 5
    )
    abnormal = systolic >= 140 or diastolic >= 90 or glucose >= 6.1
    picked = rng.choices(TCM_CONSTITUTIONS, (30, 14, 10, 10, 12, 8, 7, 6, 3))[0]
    answers = demo_answers(resident, day) if elderly else ""
    return {
        "resident_id": resident,
        "activity_id": activity,
        "checkup_date": day,
        "height_cm": height,
        "weight_kg": weight,
        "waist_cm": round(rng.gauss(84, 9), 1),
        "systolic": systolic,
        "diastolic": diastolic,
        "heart_rate": rng.randint(58, 96),
        "fasting_glucose": glucose,
        "chronic_conditions": "、".join(conditions),
        "constitution": demo_constitution(answers, picked),
        "tcm_answers": answers,
        "constitution_override_reason": "",
        "self_care_eating": scores[0],
        "self_care_grooming": scores[1],
        "self_care_dressing": scores[2],
        "self_care_toilet": scores[3],
        "self_care_moving": scores[4],
        "conclusion": "血压偏高，建议复查"
        if systolic >= 140
        else ("血糖偏高，建议复查" if glucose >= 6.1 else "未见明显异常"),
        "advice": "低盐低脂饮食，规律监测" if abnormal else "保持健康生活方式",
        "doctor_id": rng.choice(doctors) if doctors else None,
        "followed_up_on": day + timedelta(days=14)
        if abnormal and day.year < m.today.year
        else None,
        "followed_up_by": "文明办" if abnormal and day.year < m.today.year else "",
        "follow_up_note": "电话随访，已复查" if abnormal and day.year < m.today.year else "",
    }
