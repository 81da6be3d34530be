"""中医体质辨识 of elderly residents: the 33 questions, their scoring and the judgement.

Source: 国家基本公共卫生服务规范（第三版）, 老年人中医药健康管理服务规范 — its
《老年人中医药健康管理服务记录表》 (33 questions about the past year, each answered 1–5) and
its 《体质判定标准表》. What belongs here is that rule and nothing else: which questions make up
each of the nine constitutions, which are scored in reverse for 平和质, the thresholds, and how
one constitution is picked from the nine judgements. Plain Python; no storage, no Qt.

The rule (see docs/constitution.md for the reading of the public copies):

* 偏颇体质 (the other eight): the raw sum of the constitution's four answers (4–20, no
  conversion to a 0–100 score as in the 60-item ZYYXH/T157-2009 questionnaire):
  ≥ 11 → 是, 9–10 → 倾向是, ≤ 8 → 否.
* 平和质: answers to questions 1, 2, 4, 5, 13, with 2, 4, 5, 13 reversed (1→5, 2→4, 3→3,
  4→2, 5→1), summed (5–25): sum ≥ 17 and every other constitution ≤ 8 → 是; sum ≥ 17 and
  every other constitution ≤ 10 → 基本是; otherwise 否.

Public copies disagree on the 平和质 condition: the third edition prints "其他8种体质得分都≤8分
/ ≤10分"; some copies of the 2013 technical specification print "<8分 / <10分". This module
follows ≤ (the third edition), which also agrees with the eight constitutions' own table: 平和质
是 when none of the others is even 倾向是 (all ≤ 8), 基本是 when none is 是 (all ≤ 10).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from wenming_desktop.domain.errors import UserError

QUESTION_COUNT = 33

# The column heads of the record form: the answer digit and what it means.
ANSWER_LABELS: tuple[str, ...] = (
    "没有（根本不/从来没有）",
    "很少（有一点/偶尔）",
    "有时（有些/少数时间）",
    "经常（相当/多数时间）",
    "总是（非常/每天）",
)

# The 33 questions as the record form asks them, in order (question n is QUESTIONS[n - 1]).
QUESTIONS: tuple[str, ...] = (
    "您精力充沛吗？（指精神头足，乐于做事）",
    "您容易疲乏吗？（指体力如何，是否稍微活动一下或做一点家务劳动就感到累）",
    "您容易气短，呼吸短促，接不上气吗？",
    "您说话声音低弱无力吗？（指说话没有力气）",
    "您感到闷闷不乐、情绪低沉吗？（指心情不愉快，情绪低落）",
    "您容易精神紧张、焦虑不安吗？（指遇事是否心情紧张）",
    "您因为生活状态改变而感到孤独、失落吗？",
    "您容易感到害怕或受到惊吓吗？",
    "您感到身体超重不轻松吗？（感觉身体沉重）［BMI指数＝体重（kg）/身高²（m）］",
    "您眼睛干涩吗？",
    "您手脚发凉吗？（不包含因周围温度低或穿的少导致的手脚发冷）",
    "您胃脘部、背部或腰膝部怕冷吗？（指上腹部、背部、腰部或膝关节等，有一处或多处怕冷）",
    "您比一般人耐受不了寒冷吗？（指比别人容易害怕冬天或是夏天的冷空调、电扇等）",
    "您容易患感冒吗？（指每年感冒的次数）",
    "您没有感冒时也会鼻塞、流鼻涕吗？",
    "您有口粘口腻，或睡眠打鼾吗？",
    "您容易过敏（对药物、食物、气味、花粉或在季节交替、气候变化时）吗？",
    "您的皮肤容易起荨麻疹吗？（包括风团、风疹块、风疙瘩）",
    "您的皮肤在不知不觉中会出现青紫瘀斑、皮下出血吗？"
    "（指皮肤在没有外伤的情况下出现青一块紫一块的情况）",
    "您的皮肤一抓就红，并出现抓痕吗？（指被指甲或钝物划过后皮肤的反应）",
    "您皮肤或口唇干吗？",
    "您有肢体麻木或固定部位疼痛的感觉吗？",
    "您面部或鼻部有油腻感或者油亮发光吗？（指脸上或鼻子）",
    "您面色或目眶晦黯，或出现褐色斑块/斑点吗？",
    "您有皮肤湿疹、疮疖吗？",
    "您感到口干咽燥、总想喝水吗？",
    "您感到口苦或嘴里有异味吗？（指口苦或口臭）",
    "您腹部肥大吗？（指腹部脂肪肥厚）",
    "您吃（喝）凉的东西会感到不舒服或者怕吃（喝）凉的东西吗？"
    "（指不喜欢吃凉的食物，或吃了凉的食物后会不舒服）",
    "您有大便黏滞不爽、解不尽的感觉吗？（大便容易粘在马桶或便坑壁上）",
    "您容易大便干燥吗？",
    "您舌苔厚腻或有舌苔厚厚的感觉吗？（如果自我感觉不清楚可由调查员观察后填写）",
    "您舌下静脉瘀紫或增粗吗？（可由调查员辅助观察后填写）",
)

# Questions whose five answers the form words differently from ANSWER_LABELS.
SPECIAL_ANSWERS: dict[int, tuple[str, ...]] = {
    9: ("BMI＜24", "24≤BMI＜25", "25≤BMI＜26", "26≤BMI＜28", "BMI≥28"),
    14: ("一年＜2次", "一年感冒2～4次", "一年感冒5～6次", "一年8次以上", "几乎每月都感冒"),
    17: ("从来没有", "一年1、2次", "一年3、4次", "一年5、6次", "每次遇到上述原因都过敏"),
    28: (
        "腹围＜80cm（2.4尺）",
        "腹围80～85cm（2.4～2.55尺）",
        "腹围86～90cm（2.56～2.7尺）",
        "腹围91～105cm（2.71～3.15尺）",
        "腹围＞105cm（3.15尺）",
    ),
}

BALANCED = "平和质"
_VALID = "12345"

# Each constitution's questions, in the order of 《体质判定标准表》 (the record form's order).
ITEMS: dict[str, tuple[int, ...]] = {
    BALANCED: (1, 2, 4, 5, 13),
    "气虚质": (2, 3, 4, 14),
    "阳虚质": (11, 12, 13, 29),
    "阴虚质": (10, 21, 26, 31),
    "痰湿质": (9, 16, 28, 32),
    "湿热质": (23, 25, 27, 30),
    "血瘀质": (19, 22, 24, 33),
    "气郁质": (5, 6, 7, 8),
    "特禀质": (15, 17, 18, 20),
}
REVERSED: frozenset[int] = frozenset({2, 4, 5, 13})  # reversed for 平和质 only

BIASED_YES_FROM = 11  # 偏颇体质: sum ≥ 11 → 是
BIASED_LEANING_FROM = 9  # 9–10 → 倾向是; ≤ 8 → 否
BALANCED_FROM = 17  # 平和质: its own sum ≥ 17, and…
BALANCED_YES_OTHERS_MAX = 8  # …every other sum ≤ 8 → 是
BALANCED_BASIC_OTHERS_MAX = 10  # …every other sum ≤ 10 → 基本是


class Verdict(StrEnum):
    """判定结果 of one constitution, as the record form names them."""

    YES = "是"
    LEANING = "倾向是"  # 偏颇体质 only
    BASIC = "基本是"  # 平和质 only
    NO = "否"


@dataclass(frozen=True)
class Judgement:
    """The nine sums and verdicts of one questionnaire, in ITEMS order."""

    sums: dict[str, int]
    verdicts: dict[str, Verdict]

    @property
    def primary(self) -> str:
        """The one constitution a checkup records: 平和质 when it is 是 or 基本是; else the
        偏颇体质 judged 是 with the highest sum, else the one judged 倾向是 with the highest sum
        (ties: the form's order); "" when the questionnaire points to none.

        The standard judges each constitution on its own and a person may be 是 for several;
        picking one for the checkup's single field is this program's rule, not the standard's.
        """
        if self.verdicts[BALANCED] in (Verdict.YES, Verdict.BASIC):
            return BALANCED
        for wanted in (Verdict.YES, Verdict.LEANING):
            found = [c for c in ITEMS if c != BALANCED and self.verdicts[c] is wanted]
            if found:
                return max(found, key=lambda c: (self.sums[c], -list(ITEMS).index(c)))
        return ""

    @property
    def summary(self) -> str:
        """The judgement in words, e.g. "基本是平和质；倾向是痰湿质" or "是气虚质、阳虚质"."""
        parts: list[str] = []
        if self.verdicts[BALANCED] is not Verdict.NO:
            parts.append(f"{self.verdicts[BALANCED]}{BALANCED}")
        for wanted in (Verdict.YES, Verdict.LEANING):
            found = [c for c in ITEMS if c != BALANCED and self.verdicts[c] is wanted]
            if found:
                parts.append(f"{wanted}{'、'.join(found)}")
        return "；".join(parts) or "未能判定体质"


def parse_answers(text: str) -> tuple[int, ...]:
    """33 answers from digits typed in a row, with or without separators ("1 2 3…", "1,2,3…",
    "123…"; full-width digits too). UserError names the wrong count or the position of a digit
    outside 1–5."""
    compact = re.sub(r"[\s,，、;；/|\-]+", "", unicodedata.normalize("NFKC", text))
    for position, char in enumerate(compact, start=1):
        if char not in "12345":
            raise UserError(f"第 {position} 个答案“{char}”不是 1～5 的数字")
    if len(compact) != QUESTION_COUNT:
        raise UserError(f"体质辨识问卷应有 {QUESTION_COUNT} 个答案，现有 {len(compact)} 个")
    return tuple(int(c) for c in compact)


def reverse(answer: int) -> int:
    """Reverse scoring of 平和质's questions 2, 4, 5, 13: 1→5, 2→4, 3→3, 4→2, 5→1."""
    return 6 - answer


def constitution_sums(answers: tuple[int, ...]) -> dict[str, int]:
    """Each constitution's raw sum (平和质 5–25, the others 4–20), in ITEMS order."""
    _check(answers)
    sums: dict[str, int] = {}
    for name, items in ITEMS.items():
        sums[name] = sum(
            reverse(answers[i - 1]) if name == BALANCED and i in REVERSED else answers[i - 1]
            for i in items
        )
    return sums


def biased_verdict(total: int) -> Verdict:
    """偏颇体质: ≥ 11 是, 9–10 倾向是, ≤ 8 否."""
    if total >= BIASED_YES_FROM:
        return Verdict.YES
    if total >= BIASED_LEANING_FROM:
        return Verdict.LEANING
    return Verdict.NO


def balanced_verdict(total: int, others: list[int]) -> Verdict:
    """平和质: sum ≥ 17 and all others ≤ 8 → 是; sum ≥ 17 and all others ≤ 10 → 基本是; 否."""
    if total >= BALANCED_FROM:
        if max(others) <= BALANCED_YES_OTHERS_MAX:
            return Verdict.YES
        if max(others) <= BALANCED_BASIC_OTHERS_MAX:
            return Verdict.BASIC
    return Verdict.NO


def judge(answers: tuple[int, ...]) -> Judgement:
    """The nine sums and verdicts of 33 answers (each 1–5; UserError otherwise)."""
    sums = constitution_sums(answers)
    others = [v for k, v in sums.items() if k != BALANCED]
    verdicts = {
        name: balanced_verdict(total, others) if name == BALANCED else biased_verdict(total)
        for name, total in sums.items()
    }
    return Judgement(sums, verdicts)


def judge_text(stored: str) -> Judgement | None:
    """Judgement of answers stored as 33 digits; None when there are none ("")."""
    if not stored:
        return None
    if len(stored) == QUESTION_COUNT and not stored.strip(_VALID):  # as stored: no parsing
        return judge(tuple(map(int, stored)))
    return judge(parse_answers(stored))


def bmi_answer(bmi_value: float) -> int:
    """Question 9's answer suggested by the measured BMI: <24 → 1, 24–<25 → 2, 25–<26 → 3,
    26–<28 → 4, ≥ 28 → 5 (the record form's bands for the question)."""
    for answer, upper in ((1, 24.0), (2, 25.0), (3, 26.0), (4, 28.0)):
        if bmi_value < upper:
            return answer
    return 5


def waist_answer(waist_cm: float) -> int:
    """Question 28's answer suggested by the measured waist: <80 cm → 1, 80–85 → 2, 86–90 → 3,
    91–105 → 4, >105 → 5 (the form's bands; a value between two bands, e.g. 85.5, goes up)."""
    if waist_cm < 80:
        return 1
    for answer, top in ((2, 85.0), (3, 90.0), (4, 105.0)):
        if waist_cm <= top:
            return answer
    return 5


def _check(answers: tuple[int, ...]) -> None:
    if len(answers) != QUESTION_COUNT:
        raise UserError(f"体质辨识问卷应有 {QUESTION_COUNT} 个答案，现有 {len(answers)} 个")
    for number, answer in enumerate(answers, start=1):
        if answer not in (1, 2, 3, 4, 5):
            raise UserError(f"第 {number} 题的答案“{answer}”不是 1～5 的数字")
