"""Fortieth session's hostile pass on `gongkai init` and the county view (`gongkai county`): a second bureau — a
县教育局 of a 市辖区 in another province, a 街道办事处, a 县卫健局 — adopting gongkai in CI with every answer as an
option, and the county's 政务公开办 reading every bureau at once.

Expected values are typed by hand: 武侯区 is 510107 in 成都市, 新城区 150102 in 呼和浩特市 (there is another 新城区 in
西安市), 朝阳区 110105 in 北京市; the figures are those of the catalogs the tests write.

Found by this pass:
1. A bureau of a 市辖区 got its 依申请公开 guide, its handover recipients and its gongkai.yaml written with the 区
   alone: 「复议机关: 武侯区人民政府」「诉讼法院: 武侯区人民法院」「武侯区档案馆」. There are six 鼓楼区 and two 新城区 in
   China; the official names are 成都市武侯区人民政府, 成都市武侯区人民法院 — the guide on the website told the public
   to apply for 行政复议 to a body whose name does not say which one. The defaults now carry the city (the 直辖市 for
   its 区: 北京市朝阳区人民法院); a county's and a county-level city's stay as they were (安溪县人民政府).
2. A department whose gongkai.yaml does not load is in none of the sums of the county's annual roll-up, and the
   annual workbook — the one the 政务公开办 sends up — said nothing of it: its 勾稽检查 sheet listed the others as
   平衡, `annual_balanced` was true, and only the scorecard's notes named the department. The check sheet and
   `annual_checks` now say 「无法读取，没有计入汇总（表二、表三、表四少了该部门的数字）：gongkai.yaml 第12行第3列……」, and
   `annual_balanced` is false.
3. `gongkai init -y` in CI with an answer left out said 「缺少「联系人」」「缺少「领导」」 — the keys of the answers file,
   while the run gave every answer as an option; which option was left to `--help`. Each missing answer now names its
   option: 「缺少「联系人」（选项 --contact，或答案文件中的「联系人」）」, 「缺少「领导」（选项 --leader 姓名:职务……）」.
4. A folder an earlier init was cut short in (the power went, the process was killed, after the files were moved in and
   before the first commit) was refused as 「已经有目录了……要改机关名称……直接编辑 gongkai.yaml；要重新建立，请换一个新的
   文件夹」: a catalog with no commit behind it, and the clerk told to keep it or leave the folder. init now says the
   catalog is gongkai init's own with no first commit yet, what probably happened, which files it wrote (to remove
   and run again) and how to commit them instead (git init when there is no repository).
5. In a repository just made (git init, a file staged, no commit yet) init said to unstage with `git restore
   --staged`, which there stops at 「fatal: could not resolve HEAD」. It now says `git rm -r -q --cached .` (the
   files stay) for such a repository, and the old advice where there is a commit.
6. The first `gongkai report annual` of a bureau adopted this year printed 「行政规范性文件 | 0 | 0 | 0」 — 现行有效件数 0
   for a 镇 whose documents in force were all issued before gongkai — with a note that only 表三 and 表四 lack what
   came before adoption. When no document of the bureau's own issued before 启用日期 is entered (补录), the report now
   says table 二's 行政规范性文件 counts only those entered, and how to enter them; one entered, the note goes.
7. A bureau with nothing yet, as the county's 政务公开办 first meets it: the repository the county's git server made for
   it (empty, or with the server's README), cloned before the bureau pushed anything. `gongkai county` said
   「不是目录文件夹……请写该部门的目录文件夹」 — the folder was the right one — and `gongkai validate` in it the same.
   Both now say it is a git repository with no commit yet (or only README and such) and that the bureau has not made
   its catalog there: run gongkai init in it, or push the one made elsewhere and git pull. A folder that is no
   repository, or a repository holding other things, is told as before.
8. A 县教育局 of another province keeps its own 索引号 scheme: `--index-pattern '^[0-9]{6}-[A-Z]{2}-[0-9]{4}-[0-9]{5}$'`
   with `--index-prefix 510107JY` (the hyphen left out) made a catalog, exit 0 — and every record `gongkai new record`
   numbered (510107JY-2026-00001) then failed the pattern (GK209). init now refuses, nothing written, naming the
   first 索引号 the prefix makes, the pattern, and the two options to make agree.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import Run, git
from openpyxl import load_workbook

Gk = Callable[..., Run]
TODAY = "2026-12-07"
CONTACT = ("--contact", "王敏", "--phone", "028-85551234", "--email", "jyj@example.gov.cn", "--today", TODAY, "-y")


def _settings(tmp_path: Path, folder: str) -> str:
    return (tmp_path / folder / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")


def test_a_district_bureau_names_its_city_in_its_review_body_court_and_recipients(tmp_path: Path, gk: Gk) -> None:
    made = gk("init", tmp_path / "jyj", "--name", "成都市武侯区教育局", "--code", "510107", "--domain", "义务教育=YWJY",
              "--address", "成都市武侯区", "--leader", "李强:局长", *CONTACT)
    assert made.code == 0, made.out + made.err
    settings = _settings(tmp_path, "jyj")
    assert "  复议机关: 成都市武侯区人民政府\n" in settings and "  诉讼法院: 成都市武侯区人民法院\n" in settings
    assert "名称: 成都市武侯区档案馆\n" in settings and "名称: 成都市武侯区图书馆\n" in settings
    site = tmp_path / "site"
    assert gk("build-site", tmp_path / "jyj" / "catalog", "--out", site, "--today", TODAY).code == 0
    guide = (site / "zhinan" / "index.html").read_text(encoding="utf-8")
    assert "向成都市武侯区人民政府申请行政复议" in guide and "向成都市武侯区人民法院提起行政诉讼" in guide


def test_a_district_of_a_municipality_and_a_same_named_district_get_their_city(tmp_path: Path, gk: Gk) -> None:
    made = gk("init", tmp_path / "cy", "--name", "北京市朝阳区卫生健康委员会", "--code", "110105",
              "--domain", "公共卫生=GGWS", "--address", "北京市朝阳区", "--leader", "张华:主任", *CONTACT)
    assert made.code == 0, made.out + made.err
    settings = _settings(tmp_path, "cy")
    assert "复议机关: 北京市朝阳区人民政府\n" in settings and "名称: 北京市朝阳区档案馆\n" in settings
    made = gk("init", tmp_path / "xc", "--name", "呼和浩特市新城区民政局", "--code", "150102", "--no-towns",
              "--address", "呼和浩特市新城区", "--leader", "巴特尔:局长", *CONTACT)
    assert made.code == 0, made.out + made.err
    settings = _settings(tmp_path, "xc")
    assert "诉讼法院: 呼和浩特市新城区人民法院\n" in settings and "名称: 呼和浩特市新城区图书馆\n" in settings


def test_a_county_and_its_township_keep_the_county_name_alone(tmp_path: Path, gk: Gk) -> None:
    made = gk("init", tmp_path / "htz", "--name", "安溪县湖头镇人民政府", "--code", "350524102", "--address", "安溪县湖头镇",
              "--leader", "陈明:镇长", *CONTACT)
    assert made.code == 0, made.out + made.err
    settings = _settings(tmp_path, "htz")
    assert "复议机关: 安溪县人民政府\n" in settings and "名称: 安溪县档案馆\n" in settings
    assert "泉州市安溪县" not in settings


def test_the_annual_roll_up_names_a_department_it_could_not_sum(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    made = gk("init", tmp_path / "wjj", "--name", "安溪县卫生健康局", "--code", "350524", "--domain", "公共卫生=GGWS",
              "--address", "安溪县凤城镇", "--leader", "赵六:局长", *CONTACT)
    assert made.code == 0, made.out + made.err
    settings = tmp_path / "wjj" / "catalog" / "gongkai.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("  地址: 安溪县凤城镇\n", "  地址 安溪县凤城镇\n"),
                        encoding="utf-8")
    run = gk("county", bundled, tmp_path / "wjj", "--year", "2026", "--today", TODAY, "--out", tmp_path / "out",
             "--format", "json")
    assert run.code == 1, run.out + run.err
    data = json.loads(run.out)
    # 安溪县民政局's requests alone: 8 new ones (5 自然人, 1 商业企业, 1 社会公益组织, 1 法律服务机构)
    annual = load_workbook(tmp_path / "out" / "annual-2026.xlsx")
    table3 = {row[0]: row[1:] for row in annual["表三 依申请公开"].iter_rows(min_row=2, values_only=True)}
    assert table3["一、本年新收政府信息公开申请数量"] == (5, 1, 0, 1, 1, 0, 8)
    checks = {row[0]: row[1] for row in annual["勾稽检查"].iter_rows(values_only=True) if row[0]}
    assert checks["安溪县民政局"] == "平衡"
    label = data["departments"][1]["label"]  # the folder as written: the department has no readable name
    said = checks[label]
    assert said.startswith("无法读取，没有计入汇总（表二、表三、表四少了该部门的数字）：gongkai.yaml 第12行第3列")
    assert data["annual_checks"][label] == said and data["annual_balanced"] is False
    assert data["annual_checks"]["安溪县民政局"] == "平衡"


def test_init_in_ci_names_the_option_of_each_missing_answer(tmp_path: Path, gk: Gk) -> None:
    run = gk("init", tmp_path / "jyj", "--name", "安溪县教育局", "--code", "350524", "--domain", "义务教育=YWJY",
             "--phone", "0595-23281234", "--today", TODAY, "-y")
    assert run.code == 2 and not (tmp_path / "jyj").exists()
    said = [line.strip() for line in run.err.splitlines() if line.strip().startswith("缺少")]
    assert said == ["缺少「地址」（选项 --address，或答案文件中的「地址」）",
                    "缺少「联系人」（选项 --contact，或答案文件中的「联系人」）",
                    "缺少「电子邮箱」（选项 --email，或答案文件中的「电子邮箱」）",
                    "缺少「领导」（选项 --leader 姓名:职务，或答案文件中的「领导」）"]


TOWNSHIP = ("--name", "安溪县湖头镇人民政府", "--code", "350524102", "--address", "安溪县湖头镇", "--leader", "陈明:镇长",
            *CONTACT)


def test_init_after_an_init_cut_short_says_what_happened_and_how_to_go_on(tmp_path: Path, gk: Gk) -> None:
    folder = tmp_path / "htz"
    assert gk("init", folder, *TOWNSHIP).code == 0
    shutil.rmtree(folder / ".git")  # as if the power went after the files were moved in, before the first commit
    git(folder, "init", "-q")
    again = gk("init", folder, *TOWNSHIP)
    assert again.code == 2
    assert again.err.strip() == (
        f"错误：「{folder / 'catalog' / 'gongkai.yaml'}」是 gongkai init 写的，但「{folder}」中还没有第一次提交："
        "多半是上次的 gongkai init 被中断了（断电、进程被强行结束），或是复制目录时没有带上 .git。其中没有要保留的内容时，"
        "删去上次写入的 catalog/、schema/、.vscode/settings.json、.github/workflows/gongkai.yml、.pre-commit-config.yaml "
        f"后重新运行 gongkai init；要保留的，在「{folder}」中运行 git add -A、git commit 提交它，再运行 gongkai validate。")
    shutil.rmtree(folder / ".git")  # cut short before git init: no repository at all
    assert f"在「{folder}」中运行 git init、git add -A、git commit 提交它" in gk("init", folder, *TOWNSHIP).err
    # as told: the files removed, init runs again and commits
    for name in ("catalog", "schema", ".vscode", ".github", ".pre-commit-config.yaml"):
        shutil.rmtree(folder / name) if (folder / name).is_dir() else (folder / name).unlink()
    assert gk("init", folder, *TOWNSHIP).code == 0
    assert git(folder, "log", "--format=%s").strip() == "启用 gongkai：安溪县湖头镇人民政府政务公开目录（gongkai init）"


def test_a_finished_catalog_is_still_an_existing_one(tmp_path: Path, gk: Gk) -> None:
    folder = tmp_path / "htz"
    assert gk("init", folder, *TOWNSHIP).code == 0
    again = gk("init", folder, *TOWNSHIP)
    assert again.code == 2 and "已经存在：这里已经有目录了" in again.err and "中断" not in again.err


def test_init_in_a_new_repository_with_files_staged_says_how_to_unstage_there(tmp_path: Path, gk: Gk) -> None:
    folder = tmp_path / "htz"
    folder.mkdir()
    git(folder, "init", "-q")
    (folder / "说明.txt").write_text("湖头镇政务公开\n", encoding="utf-8")
    git(folder, "add", "说明.txt")
    run = gk("init", folder, *TOWNSHIP)
    assert run.code == 2
    assert (f"请先 git commit 提交，或在「{folder}」中运行 git rm -r -q --cached . 撤销暂存（仓库还没有提交，"
            "git restore --staged 用不了；文件本身不删），再运行 gongkai init") in run.err
    git(folder, "rm", "-r", "-q", "--cached", ".")  # as told: it works in a repository without a commit
    assert (folder / "说明.txt").is_file()
    assert gk("init", folder, *TOWNSHIP).code == 0


NORMATIVE_NOTE = ("注意：gongkai.yaml 的启用日期是 2026-12-07，启用前制发的行政规范性文件一件也没有登记：表二「行政规范性文件」"
                  "的本年制发件数、现行有效件数只算登记了的，启用前的不在其中。把本年制发的和仍然有效的补登为"
                  "「文种: 规范性文件」的信息（写「补录」）后再生成；确实没有的，不必理会")
BACKFILLED = """编号: R2026-001
题名: 安溪县湖头镇人民政府关于印发《湖头镇临时救助实施细则》的通知
文号: 湖政〔2026〕3号
索引号: "350524102-2026-00001"
文种: 规范性文件
责任单位: shswb
事项: SHJZ-001
公开属性: 主动公开
保密审查:
  审查人: 陈明
  审查日期: 2026-03-02
  结论: 不涉及国家秘密、商业秘密和个人隐私，同意主动公开
成文日期: 2026-03-02
公开日期: 2026-03-04
公开渠道: [政府网站]
有效性: 有效
补录: 本细则2026年3月4日已在县政府门户网站公开，启用 gongkai 后补登记
正文: 各村（社区）：现将《湖头镇临时救助实施细则》印发给你们，请认真贯彻执行。
"""


def test_the_first_annual_report_says_table_two_counts_only_the_documents_entered(tmp_path: Path, gk: Gk) -> None:
    folder = tmp_path / "htz"
    assert gk("init", folder, *TOWNSHIP).code == 0
    report = gk("report", "annual", folder / "catalog", "--year", "2026", "--today", TODAY)
    assert report.code == 0, report.err
    assert "| 行政规范性文件 | 0 | 0 | 0 |" in report.out
    assert NORMATIVE_NOTE in report.err.splitlines()
    # one document issued before adoption entered (补录): counted, and the note has nothing left to say
    record = folder / "catalog" / "records" / "2026" / "R2026-001.yaml"
    record.parent.mkdir(parents=True)
    record.write_text(BACKFILLED, encoding="utf-8")
    again = gk("report", "annual", folder / "catalog", "--year", "2026", "--today", TODAY)
    assert "| 行政规范性文件 | 1 | 0 | 1 |" in again.out
    assert "启用前制发的行政规范性文件" not in again.err


def test_a_bureaus_repository_with_nothing_pushed_yet_is_said_to_be_so(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    unborn, readme, plain = tmp_path / "wjj", tmp_path / "jyj", tmp_path / "rsj"
    for folder in (unborn, readme, plain):
        folder.mkdir()
    git(unborn, "init", "-q")  # a clone of the empty repository the county's server made for the bureau
    git(readme, "init", "-q")  # one the server made with a README
    (readme / "README.md").write_text("# 安溪县教育局政务公开目录\n", encoding="utf-8")
    git(readme, "add", "-A")
    git(readme, "commit", "-q", "-m", "Initial commit")
    run = gk("county", bundled, unborn, readme, plain, "--year", "2026", "--today", TODAY, "--out", tmp_path / "out")
    assert run.code == 1
    said = {line.split("：", 1)[0]: line.split("：", 1)[1] for line in run.out.splitlines() if line.startswith("无法读取 ")}
    told = ("这个机关还没有在这里建立目录。请在这个文件夹中运行 gongkai init 建立；已在别处建立的，推送（git push）到这个仓库后 "
            "git pull，再重新运行")
    assert said[f"无法读取 {unborn}"] == f"「{unborn}」是一个 git 仓库，但还没有任何提交：{told}"
    assert said[f"无法读取 {readme}"] == f"「{readme}」是一个 git 仓库，但其中只有 README 等建仓库时的文件，没有 gongkai.yaml：{told}"
    assert said[f"无法读取 {plain}"].startswith(f"「{plain}」不是目录文件夹")  # no repository: the folder may be wrong
    assert gk("validate", unborn).err.strip() == f"错误：「{unborn}」是一个 git 仓库，但还没有任何提交：{told}"
    # as told: init in the clone, and the county reads it
    assert gk("init", unborn, "--name", "安溪县卫生健康局", "--code", "350524", "--domain", "公共卫生=GGWS",
              "--address", "安溪县凤城镇", "--leader", "赵六:局长", *CONTACT).code == 0
    again = gk("county", bundled, unborn, "--year", "2026", "--today", TODAY, "--out", tmp_path / "out", "--format", "json")
    assert [d["name"] for d in json.loads(again.out)["departments"]] == ["安溪县民政局", "安溪县卫生健康局"]


def test_an_index_pattern_the_prefix_does_not_fit_is_refused(tmp_path: Path, gk: Gk) -> None:
    own = ("--name", "成都市武侯区教育局", "--code", "510107", "--domain", "义务教育=YWJY", "--address", "成都市武侯区",
           "--leader", "李强:局长", "--index-pattern", r"^[0-9]{6}-[A-Z]{2}-\d{4}-\d{5}$", *CONTACT)
    run = gk("init", tmp_path / "jyj", *own, "--index-prefix", "510107JY")
    assert run.code == 2 and not (tmp_path / "jyj").exists()
    assert run.err.strip() == (
        r"错误：索引号前缀「510107JY」编出的索引号（第一个是「510107JY-2026-00001」）不符合索引号格式「^[0-9]{6}-[A-Z]{2}-\d{4}-\d{5}$」："
        "gongkai new record 编的每一个索引号都会被校验为格式不对（GK209）。请改正 --index-prefix 或 --index-pattern（答案文件的"
        "「索引号前缀」「索引号格式」）使两者一致；只写前缀时，格式按前缀生成。没有建立目录")
    made = gk("init", tmp_path / "jyj", *own, "--index-prefix", "510107-JY")
    assert made.code == 0, made.out + made.err
    assert "  索引号前缀: 510107-JY\n" in _settings(tmp_path, "jyj")
