"""政府信息公开指南 material: the 依申请公开 申请表 as docx and PDF (《条例》第二十九条)."""
