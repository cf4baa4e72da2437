"""The search page tried a thirty-sixth time as a citizen: the tests drive Chromium, so they are in
tests/browser/test_hostile36_search_again.py (a day said with 号: 6月26号; a year said 今年, 去年).

Tried and left alone:
- 安民〔2026〕十二号, 二〇二六年四月十日 (numbers in characters): nothing found, near terms and 依申请 offered; a voice
  keyboard writes digits, and the index keys no numbers in characters.
- 湖头镇低保 (a town and a topic typed together, no page holds whole) finds nothing and offers 湖头镇民政办 and
  最低生活保障: as README says of 临时救助条件, words typed together are not guessed apart.
- 350524-MZ-2026-7 (an 索引号 typed without its zeros): nothing found; 索引号 are copied, not said.
- 年份=2025年 or 年份=２０２５ in a hand-written address: 「在所选条件下没有找到…不加筛选共有 13 条结果」 with the link to
  the search without filters — honest, and the form's own select never writes it.
"""
