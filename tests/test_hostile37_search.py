"""The search page tried a thirty-seventh time as a citizen: the tests drive Chromium, so they are in
tests/browser/test_hostile37_search.py.

Found by this pass (search.js):

1. A landline typed as a phone shows the number that called (059523222619, no dash) said 「没有找到」 and offered the
   依申请 way, where three pages write the 社会救助投诉举报电话 0595-23222619; one typed with its dash did not find a
   page writing it whole. Now a number of a 区号 (three or four digits from 0) and seven or eight more is also looked
   for in both writings.
2. Quotation marks did not part words: 「“低保”“公积金”」 was the one word 低保公积金 (「没有找到」, no word offered alone),
   「"低保 公积金"」 said 「同时包含“"低保”和“公积金"”」 and offered to search 「"低保」, and a query quoted whole was
   echoed 「没有找到““低保办事指南””」. Now “” 「」 『』 " part words as a space does, and the status quotes once.
3. 「也可以按全称搜索」 offered full names no page writes (低保金 → 最低生活保障金, 低保边缘 → 最低生活保障边缘): the link
   said 「没有找到」 and offered the 依申请 way for what the site publishes. Now only a full name that finds pages is
   offered.
4. 「2025年度报告」 said 「下面是同时包含“2025”和“度报告”的结果」 (度报告 marked in the annual report's title), and
   「2026年度」 found nothing: the 年 after a year was dropped as in 2026年低保. Now 年度, 年底, 年初, 年末, 年终 stay
   whole after a year.
5. Pinyin typed against a number (dibao2026, 2026年dibao, gaolingjintie2025, tk人员2026, 2026低保biaozhun) said
   「没有找到」 where 「dibao 2026」 finds eight pages. Now such a word is typed apart where numbers meet the rest, when
   no page holds it as typed and a piece of letters alone is full pinyin of two syllables or more (MZ2026 and a
   mistyped MZ202699999 stay as typed).

Tried and left alone:
- 高龄津贴每个月多少钱, 婚姻登记处电话, 八十岁老人有什么补贴: nothing found, near terms and 依申请 offered; README says
  words typed together are not guessed apart (a question's leftovers lose at most one character at each end), and
  the rule keeps 公积金 in 低保公积金怎么办 from being dropped.
- 三月, 第三季度, 11月份, 年报 (numbers in characters, months said with 份, the short 年报): nothing found; as 二〇二六年 was
  left alone in the thirty-sixth pass.
- 低保 OR 特困 (a search engine's OR): 「没有找到同时包含“低保”、“OR”和“特困”」 and 「可以分开搜索：低保、特困」 — honest,
  and the page says words are all required.
- x<y, an-xi (letters typed apart that a page writes as typed) are read as pinyin only (性源, 安溪); no such page is
  likely on a 民政 column, and the single-run letters (MZ系统) are already held as typed.
- The 解读 of a lapsed standard (R2025-005) ranks above the notice in force (R2026-015) for 「低保 标准」: the 解读 is not
  itself lapsed, and its page marks the document it explains 【失效】; ranking 解读 by their document is for the lead.
- db2026, 2025gljt (initials against a number): nothing found; initials beside a number are what an 索引号 or code looks
  like (MZ2026), so only full pinyin is read there.
"""
