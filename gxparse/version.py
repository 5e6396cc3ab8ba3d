"""The parser version stamped on every parsed report; bump it when output for the same input changes."""

PARSER_VERSION = "0.2.0"
