"""The county view (gongkai county): many departments' catalogs read at once for the 县政务公开办."""
