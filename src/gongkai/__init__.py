"""gongkai: 基层政务公开工具."""

__version__ = "0.1.0"
