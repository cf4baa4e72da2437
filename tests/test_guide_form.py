"""The 政府信息公开申请表 for the 指南 page: docx and PDF, fields matching the request register, the agency filled in."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from conftest import AGENCY, BUNDLED
from gongkai.catalog import load_catalog
from gongkai.guide.form import application_form_docx, application_form_pdf
from gongkai.model.agency import Agency

# What the form must ask, typed from 《条例》第二十九条 and the register (model/request.py) by hand.
LABELS = ("申请人类型", "姓名", "证件名称", "证件号码", "名称", "统一社会信用代码", "联系电话", "电子邮箱", "通信地址",
          "邮政编码", "所需信息的内容描述", "所需信息的用途（选填）", "获取信息的方式", "信息的载体形式", "申请人签名或盖章",
          "申请日期", "申请编号", "收到日期", "申请渠道", "承办单位")
CHOICES = ("□公民", "□法人或其他组织", "□商业企业", "□科研机构", "□社会公益组织", "□法律服务机构",
           "□邮寄", "□电子邮件", "□当场阅读、抄录", "□纸质", "□光盘", "□当面", "□网上", "□传真")


@pytest.fixture(scope="module")
def anxi() -> Agency:
    agency = load_catalog(BUNDLED, use_cache=False).agency
    assert agency is not None
    return agency


def docx_text(data: bytes) -> tuple[str, list[str]]:
    document = Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return paragraphs, cells


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_the_docx_asks_for_every_field_and_names_the_agency(anxi):
    paragraphs, cells = docx_text(application_form_docx(anxi))
    assert "政府信息公开申请表" in paragraphs
    assert "受理机关：安溪县民政局" in paragraphs and "受理机构：安溪县民政局办公室" in paragraphs
    assert "电话：0595-23222516" in paragraphs and "电子邮箱：axmzjzwgk@163.com" in paragraphs
    text = "\n".join(cells)
    assert [label for label in LABELS if label not in text] == []
    assert [choice for choice in CHOICES if choice not in text] == []
    assert Document(io.BytesIO(application_form_docx(anxi))).core_properties.author == "安溪县民政局"


def test_the_pdf_asks_for_every_field_and_names_the_agency(anxi):
    data = application_form_pdf(anxi)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.width)) == 595  # one A4 page
    text = pdf_text(data)
    assert "政府信息公开申请表" in text and "受理机关：安溪县民政局" in text and "受理机构：安溪县民政局办公室" in text
    assert [label for label in LABELS if label not in text] == []
    assert [choice for choice in CHOICES if choice not in text] == []
    assert reader.metadata is not None and reader.metadata.author == "安溪县民政局"


def test_both_are_the_same_bytes_every_time(anxi):
    assert application_form_docx(anxi) == application_form_docx(anxi)
    assert application_form_pdf(anxi) == application_form_pdf(anxi)


def test_without_a_request_desk_the_agency_receives_the_requests(tmp_path):
    (tmp_path / "gongkai.yaml").write_text(AGENCY, encoding="utf-8")
    agency = load_catalog(tmp_path, use_cache=False).agency
    assert agency is not None
    assert "受理机构：测试县民政局" in docx_text(application_form_docx(agency))[0]
    assert "受理机构：测试县民政局" in pdf_text(application_form_pdf(agency))
