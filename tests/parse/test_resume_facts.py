"""Certifications and work authorization (desk.parse.resume_facts)."""

from __future__ import annotations

import pytest

from desk.parse.resume_facts import authorizations, certifications
from desk.parse.sections import find_sections, split_lines


def certs(text: str) -> list[str]:
    lines = split_lines(text)
    return certifications(text, lines, find_sections(lines, len(text)))


def test_certification_section_lines() -> None:
    text = """Jane Doe

CERTIFICATIONS
• AWS Certified Developer – Associate (2023)
- Certified Kubernetes Administrator (CKA)
Cambridge English: Advanced (CAE), 2016
HashiCorp Certified: Terraform Associate (003)

SKILLS
Python
"""
    assert certs(text) == [
        "AWS Certified Developer – Associate",
        "Certified Kubernetes Administrator (CKA)",
        "Cambridge English: Advanced (CAE)",
        "HashiCorp Certified: Terraform Associate (003)",
    ]


def test_one_line_lists_are_split() -> None:
    text = (
        "Jane Doe\n\nCertifications\nCompTIA Security+ CE, CompTIA Network+, CCNA, RHCSA\nA Cert · B Cert\n"
    )
    assert certs(text) == ["CompTIA Security+ CE", "CompTIA Network+", "CCNA", "RHCSA", "A Cert", "B Cert"]


def test_commas_inside_one_certificate_stay() -> None:
    text = "Jane Doe\n\nCertifications\nInformatica PowerCenter Data Integration 10: Developer, Specialist\n"
    assert certs(text) == ["Informatica PowerCenter Data Integration 10: Developer, Specialist"]


def test_obvious_certifications_elsewhere() -> None:
    text = "Jane Doe\n\nSUMMARY\nPMP and AWS Certified Solutions Architect – Professional; also a CKA.\n"
    assert certs(text) == ["PMP", "AWS Certified Solutions Architect – Professional", "CKA"]


def test_elsewhere_does_not_repeat_the_section() -> None:
    text = "Jane Doe\n\nSUMMARY\nHolder of the CKA.\n\nCERTIFICATIONS\nCertified Kubernetes Administrator (CKA)\n"
    assert certs(text) == ["Certified Kubernetes Administrator (CKA)"]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Clearance: Active Secret (reinvestigated 2024) | U.S. Citizen", ["us-citizen", "clearance:secret"]),
        ("Security Clearance: Active TS/SCI with CI Polygraph", ["clearance:ts-sci"]),
        ("Clearance: Active Top Secret (TS/SCI eligible)", ["clearance:top-secret"]),
        ("Active SECRET clearance", ["clearance:secret"]),
        ("Public Trust clearance (DHS)", ["clearance:public-trust"]),
        ("Green card holder", ["green-card"]),
        ("Authorized to work in the US for any employer", ["work-authorization"]),
        ("EU work permit; no sponsorship required", ["work-authorization"]),
        ("Irish citizen (EU right to work)", ["work-authorization"]),
        ("Open to relocation (requires visa sponsorship)", ["needs-sponsorship"]),
        ("I will need H-1B sponsorship", ["needs-sponsorship"]),
        ("Holder of a residence permit, no sponsorship needed", ["work-authorization"]),
        ("Rotated secrets with Vault; kept things secret", []),
        ("Built a Greenhouse integration", []),
        ("", []),
    ],
)
def test_authorizations(text: str, tags: list[str]) -> None:
    assert authorizations(text) == tags
