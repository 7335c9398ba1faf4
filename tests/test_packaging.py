"""The desktop entry and AppStream metadata parse and agree with each other and the package."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET

from tests.conftest import REPO

APP_ID = "uk.gov.homeoffice.SocBulletin"


def test_desktop_entry_and_metainfo_agree():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(REPO / "packaging" / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert desktop["Exec"].split()[0] in scripts
    meta = ET.parse(REPO / "packaging" / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert meta.findtext("name") == desktop["Name"]
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    assert meta.find("releases/release").get("version") == version
