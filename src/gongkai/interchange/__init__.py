"""The official spreadsheet: the directory in the layout of 国办发〔2019〕54号, as xlsx and csv, and back."""
