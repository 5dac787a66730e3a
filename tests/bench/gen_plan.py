#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a plan document of N tasks in the layout of the 2026 Khánh Hòa
appendix: prose, seven sections (one mislabelled, one "VI TITLE" in a single
cell), repeated headers at page breaks (some with an empty TT), rows
continued across a break, <p>/<ul> markup, lettered bullet items under
group rows, a group row repeating its first child's number, extra
deliverable rows, and every deadline form of SPEC §4.

Usage: gen_plan.py N [SEED] > plan.txt"""
import random
import sys

HEADER = ("TT\tNhiệm vụ\tKết quả/sản phẩm đạt được\tTiến độ\t"
          "Phân công (cơ quan chủ trì/cơ quan phối hợp) và cách thức thực hiện")
SECTIONS = ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH TỔ CHỨC BỘ MÁY",
            "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH TÀI CHÍNH CÔNG",
            "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
VERBS = ["Rà soát, hệ thống hóa", "Tổ chức kiểm tra, xử lý", "Công bố danh mục", "Triển khai",
         "Xây dựng, triển khai", "Nâng cao hiệu quả", "Cập nhật, đồng bộ", "Đổi mới toàn diện"]
OBJECTS = ["văn bản quy phạm pháp luật", "thủ tục hành chính nội bộ", "cơ sở dữ liệu cán bộ, công chức",
           "Chương trình xúc tiến du lịch", "Hệ thống quản lý chất lượng", "Kế hoạch chuyển đổi số",
           "kỷ luật kỷ cương", "dịch vụ công trực tuyến toàn trình"]
RESULTS = ["Quyết định của UBND tỉnh", "Kế hoạch, văn bản triển khai",
           "<ul style=\"list-style-type: none\"> - Văn bản triển khai - Hội nghị, hội thảo... ",
           "<p>Báo cáo kết quả</p> <p>- Thông báo kết luận</p>", "100% hồ sơ được số hóa"]
DEADLINES = ["Tháng 01/2026", "tháng 9/2026", "Quý I/2026", "Quý III/2026", "6 tháng đầu năm 2026",
             "Trong năm 2026", "Năm 2026", "Từ tháng 6 - tháng 11/2026",
             "Đến 31/12/2026: Hoàn thành 90% kế hoạch", "trước ngày 30/6/2026", "Thường xuyên",
             "Hằng năm", "Thực hiện liên tục, chủ động theo hướng dẫn của Trung ương",
             "Theo quy định", "Theo tiến độ Trung ương", "Sau khi Đề án được phê duyệt",
             "Quý II/2026 (sau khi công bố kết quả PCI năm 2025)",
             "- Tháng 02/2026: Ban hành Kế hoạch giai đoạn 2026-2030. - Tháng 5/2026: ban hành Kế hoạch năm 2026.",
             "Tháng 01/2026 Trong năm 2026"]
LEADS = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh",
         "Trung tâm Xúc tiến thương mại và Du lịch", "Công an tỉnh"]
PARTNERS = ["các sở, ban, ngành", "UBND cấp xã", "các cơ quan, đơn vị liên quan",
            "Sở Văn hóa, Thể thao và Du lịch", "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)"]


class Writer:
    def __init__(self, out, rng):
        self.out, self.rng, self.rows = out, rng, 0

    def line(self, text=""):
        self.out.write(text + "\n")

    def row(self, *cells, keep_with_next=False):
        self.line("\t".join(cells))
        self.rows += 1
        # A deliverable row right after a page break would read as a
        # continuation: real documents keep the two together, and so do we.
        if self.rows % 9 == 0 and not keep_with_next:
            self.page_break()

    def page_break(self):
        self.line("")
        self.line("")
        self.line(HEADER if self.rng.random() < 0.6 else "\t" + HEADER.split("\t", 1)[1])


def assignment(rng):
    lead, partner = rng.choice(LEADS), rng.sample(PARTNERS, 2)
    if rng.random() < 0.3:
        return f"- {lead} chủ trì tham mưu; tổng hợp, báo cáo - {partner[0].capitalize()} triển khai thực hiện"
    return f"{lead} chủ trì, phối hợp với {partner[0]} và {partner[1]}"


def task_cells(rng, i):
    title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} năm 2026 số {i}"
    return title, rng.choice(RESULTS), DEADLINES[i % len(DEADLINES)], assignment(rng)


def write_continued(w, number, cells):
    """A task whose row runs over a page break: each cell split in two."""
    heads, tails = [], []
    for cell in cells:
        cut = cell.rfind(" ", 0, max(1, len(cell) // 2))
        heads.append(cell[:cut] if cut > 0 else cell)
        tails.append(cell[cut + 1:] if cut > 0 else "")
    w.line("\t".join([number] + heads))
    w.page_break()
    w.line("\t".join([""] + tails))
    w.rows += 2


def write_group(w, rng, number, i):
    w.row(f"{number}.1", f"Nhóm nhiệm vụ {i}", "", "", "")
    w.row(f"{number}.1", *task_cells(rng, i))
    w.row(f"{number}.2", f"Công khai nhiệm vụ {i}", "", "", "")
    for k in range(3):
        title, result, deadline, assign = task_cells(rng, i + k)
        w.row("", "- " + title, result, deadline, assign)
    return 6


def write_section(w, rng, s, count, first):
    label = "I" if s == 1 else ROMAN[s]
    if s == 5:
        w.row(f"VI {SECTIONS[s]}", "", "", "", "")
    else:
        w.row(label, SECTIONS[s], "", "", "")
    made, number = 0, 0
    while made < count:
        number += 1
        i = first + made
        if count - made >= 6 and number % 11 == 2:
            made += write_group(w, rng, number, i)
        elif number % 7 == 3:
            write_continued(w, str(number), task_cells(rng, i))
            made += 1
        elif number % 13 == 5:
            w.row(str(number), *task_cells(rng, i), keep_with_next=True)
            w.row("", "", "Kết quả được phê duyệt", "Tháng 12/2026", "")
            made += 1
        else:
            w.row(str(number), *task_cells(rng, i))
            made += 1
    return made


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 2026)
    out = sys.stdout
    w = Writer(out, rng)
    w.line("QUYẾT ĐỊNH\n\nBan hành Kế hoạch cải cách hành chính tỉnh Khánh Hòa năm 2026\n")
    w.line("Phụ lục\nNHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2026\n")
    w.line(HEADER)
    per, made = n // 7, 0
    for s in range(7):
        count = per if s < 6 else n - made
        made += write_section(w, rng, s, count, made)


if __name__ == "__main__":
    main()
