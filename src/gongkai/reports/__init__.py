"""Internal reports: the per-unit scorecard (考核评估) and the 政府信息公开工作年度报告. Nothing here feeds the site."""
