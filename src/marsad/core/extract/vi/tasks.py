"""Vietnamese: how a review meeting states its tasks (kinds: see :mod:`..tasks`).

"UBND tỉnh đề ra 12 nhiệm vụ trọng tâm" (a count, no task); "Giao Sở Tài chính chủ trì, phối
hợp với Sở Xây dựng và UBND các xã ..., hoàn thành trước ngày 31/12/2025" (lead, cooperating,
deadline); "phân cấp cho cấp xã" (delegated to communes); "Đồng thời, ..." (a conjunction).
"""

from __future__ import annotations

from ..grammar import Rule
from ..tasks import Due, written_before, year_of
from .lexicon import NUMBER_WORDS, ROMAN

_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_Y = r"(?:\s*/\s*(?P<y>(?:19|20)\d\d)|\s+năm\s+(?P<y2>(?:19|20)\d\d))?"

# A unit's name: a head word, then its words up to the verb or the punctuation after it.
_HEAD = (
    r"(?-i:Sở|Ban|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|UBND|Công\s+an|Bộ\s+Chỉ\s+huy|Cục|Chi\s+cục|"
    r"Văn\s+phòng|Thanh\s+tra|Kho\s+bạc|Trung\s+tâm|Ngân\s+hàng|Quỹ|Tỉnh\s+đoàn|Đài|Ban\s+Quản\s+lý)"
)
_STOP = (
    r"(?:chủ\s+trì|phối\s+hợp|là\s+cơ\s+quan|là\s+đơn\s+vị|thực\s+hiện|triển\s+khai|tham\s+mưu|khẩn\s+trương|"
    r"hướng\s+dẫn|rà\s+soát|xây\s+dựng|tổ\s+chức|hoàn\s+thành|theo\s+dõi|kiểm\s+tra|báo\s+cáo|trình|"
    r"nghiên\s+cứu|đẩy\s+nhanh|tập\s+trung|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm|tiếp\s+tục|đôn\s+đốc|"
    r"cùng|để|nhằm|trước|trong|đến|đã|sẽ|cần|phải|đang)"
)
_UNIT = rf"{_HEAD}(?:\s+(?!{_STOP}(?!\w))[^\s,;.:()]+){{0,8}}"


def _n(m) -> int | None:
    w = m.group("n").lower()
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w)


def _year(m) -> int | None:
    return year_of(m, "y", "y2")


def _date(m) -> Due:
    return Due("date", _year(m), int(m.group("m")), int(m.group("d")))


def _quarter(m) -> Due:
    return Due("quarter", _year(m), ROMAN.get(m.group("q").lower()))


def _month(m) -> Due:
    return Due("month", _year(m), int(m.group("m")), before=written_before(m))


def _year_due(m) -> Due:
    return Due("year", int(m.group("y")), before=written_before(m))


_BY = r"(?:(?:hoàn\s+thành|xong|hoàn\s+tất|kết\s+thúc)\s+(?:(?P<before>trước)\s+|trong\s+|vào\s+)?|(?P<before>trước|chậm\s+nhất(?:\s+(?:là|vào))?|hạn\s+chót)\s+)"

FRAGMENT_WORDS = 6  # a conjunction-led piece this short ends the previous task's list

RULES = [
    Rule("tasks_counted", "task_count",
         rf"(?<!\w)(?P<n>\d{{1,3}}|{_NW})\s+(?:nhóm\s+)?(?:nhiệm\s+vụ|giải\s+pháp)(?!\w)", _n),
    Rule("praise_vi", "praise",
         r"(?<!\w)(?:biểu\s+dương|khen\s+ngợi|đánh\s+giá\s+cao|ghi\s+nhận|hoan\s+nghênh|chúc\s+mừng)(?!\w)"),
    Rule("call_after_praise_vi", "task_call",
         r"(?:đề\s+nghị|yêu\s+cầu|chỉ\s+đạo)\s+(?:[^\s.;:]+\s+){0,10}?(?:cần\s+|phải\s+)?"
         r"(?=(?:tiếp\s+tục|tập\s+trung|đẩy\s+mạnh|đẩy\s+nhanh|khẩn\s+trương|nâng\s+cao|tăng\s+cường|thực\s+hiện|"
         r"triển\s+khai|chủ\s+động|rà\s+soát|quyết\s+liệt|phấn\s+đấu|bám\s+sát|phát\s+huy)(?!\w))"),
    Rule("conjunction_vi", "conjunction",
         r"(?:và|đồng\s+thời|cùng\s+với\s+đó|bên\s+cạnh\s+đó|ngoài\s+ra|mặt\s+khác|tiếp\s+đó)(?!\w)\s*,?\s*"),
    Rule("lead_presides", "task_lead",
         rf"(?<!\w)(?:giao\s+(?:cho\s+)?)?(?P<lead>{_UNIT})\s*,?\s+(?:chủ\s+trì|là\s+cơ\s+quan\s+(?:chủ\s+trì|đầu\s+mối)|"
         r"là\s+đơn\s+vị\s+(?:chủ\s+trì|đầu\s+mối)|chịu\s+trách\s+nhiệm\s+chính)(?!\w)"
         r"(?!\s+(?:cuộc\s+họp|hội\s+nghị|buổi|phiên|lễ))"),  # "chủ trì cuộc họp": chaired a meeting
    Rule("lead_assigned", "task_lead", rf"(?<!\w)[Gg]iao\s+(?:cho\s+)?(?P<lead>{_UNIT})"),
    Rule("coop_with", "task_coop",
         rf"(?<!\w)phối\s+hợp\s+(?:chặt\s+chẽ\s+)?với\s+(?P<coop>(?={_HEAD}|các\s|cơ\s+quan|đơn\s+vị|địa\s+phương)[^;.]{{3,200}}?)"
         r"(?=\s+(?:tham\s+mưu|thực\s+hiện|triển\s+khai|xây\s+dựng|hoàn\s+thành|rà\s+soát|trình|báo\s+cáo|tổ\s+chức|"
         r"hướng\s+dẫn|để|nhằm|khẩn\s+trương|nghiên\s+cứu|đề\s+xuất|kiểm\s+tra)(?!\w)|\s*[;.(]|,\s*(?:hoàn\s+thành|trước|xong|trong|"
         r"tham\s+mưu|thực\s+hiện|triển\s+khai|báo\s+cáo|đề\s+xuất)(?!\w)|\s*$)"),
    Rule("unit_split_vi", "unit_split", rf"\s*,\s*(?={_HEAD}|các\s)|\s+và\s+(?={_HEAD}|các\s)"),
    Rule("deadline_date_vi", "deadline",
         rf"(?<!\w){_BY}(?:ngày\s+)?(?P<d>\d{{1,2}})\s*(?:/|\s+tháng\s+)(?P<m>\d{{1,2}})(?!\d){_Y}", _date),
    Rule("deadline_quarter_vi", "deadline",
         rf"(?<!\w){_BY}(?:(?P<end>cuối|hết)\s+)?qu[ýí]\s+(?P<q>IV|III|II|I|[1-4])(?!\w){_Y}", _quarter),
    Rule("deadline_month_vi", "deadline",
         rf"(?<!\w){_BY}(?:(?P<end>cuối|hết)\s+)?tháng\s+(?P<m>\d{{1,2}})(?!\d){_Y}", _month),
    Rule("deadline_year_vi", "deadline",
         rf"(?<!\w){_BY}(?:(?P<end>cuối|hết)\s+)?năm\s+(?P<y>(?:19|20)\d\d)(?!\d)", _year_due),
    Rule("delegated_to_communes_vi", "delegated",
         r"(?<!\w)(?:phân\s+cấp|ủy\s+quyền|uỷ\s+quyền|giao|chuyển\s+giao)\s+(?:[^.;]{0,50}?\s)?(?:cho|về)\s+"
         r"(?:cấp\s+xã|chính\s+quyền\s+cấp\s+xã|UBND\s+(?:các\s+)?(?:xã|phường)|(?:các\s+)?xã,\s*phường)(?!\w)"),
]  # fmt: skip
