"""移交两馆: the twice-monthly handover of 主动公开 documents to the county archives and library.

schedule (handover days, 节假日顺延) → plan (the batch, from the publishing gate and the ledgers) → manifest
(目录表 as xlsx, html, csv) → bag (BagIt with SHA-256) → deliver (swap into place, then write the ledger).
"""
