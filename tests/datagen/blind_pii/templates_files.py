"""Credential files and CI definitions: AWS credentials, Kubernetes secrets, CI pipelines, clinical notes."""

from __future__ import annotations

from . import values
from .registry import Ctx, template


@template("test", "config", weight=2)
def aws_credentials(c: Ctx):
    c.a("`aws s3 ls` says InvalidAccessKeyId, here's ~/.aws/credentials:\n\n")
    c.k("[default]")
    c.a("\naws_access_key_id = ")
    c.v("SECRET", c.secret("aws_key_id")[0], "aws_key_id")
    c.a("\naws_secret_access_key = ")
    c.v("SECRET", c.secret("aws_secret")[0], "aws_secret")
    c.a("\n")
    c.k("region = eu-north-1")
    c.a("\n\n")
    c.k("aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0")


@template("test", "config")
def k8s_tls_secret(c: Ctx):
    c.a("```yaml\n")
    c.k("apiVersion: v1")
    c.a("\nkind: Secret\nmetadata:\n  name: ")
    c.k(c.pick(["ingress-tls", "api-cert", "webhook-tls"]))
    c.a("\ntype: kubernetes.io/tls\nstringData:\n  tls.key: |\n")
    pem = c.secret("private_key")[0]
    c.a("    ")
    c.v("SECRET", pem.replace("\n", "\n    "), "private_key", disguise=False)
    c.a("\n```\ncert-manager keeps overwriting it, why?")


@template("test", "prose")
def discharge_note(c: Ctx):
    c.a("Summarise for the GP: ")
    c.v("PERSON", c.name())
    c.a(c.pick([", MRN ", " (MRN: ", ", chart "]))
    c.v("MEDICAL_RECORD_NUMBER", values.mrn(c.rng))
    c.a(c.pick([", attending NPI ", ", seen by NPI "]))
    c.v("NPI", values.npi(c.rng))
    c.a(", admitted ")
    c.k(c.day(10, 60).isoformat())
    c.a(". ")
    c.k(c.pick(["Metformin 500 mg twice daily.", "Continue antibiotics until a condition is met.",
                "Follow-up in cardiology clinic."]))


@template("dev", "config", weight=2)
def ci_pipeline(c: Ctx):
    fams = c.rng.sample(["github", "gitlab", "pypi", "twilio", "docker", "slack_token", "openai", "stripe", "mailgun"], 2)
    c.a(c.pick(["```yaml\n# .github/workflows/release.yml\n", "```yaml\n# .gitlab-ci.yml\n"]))
    c.k("on:\n  push:\n    tags: ['v*']")
    c.a("\nenv:\n")
    for fam in fams:
        val, key = c.secret(fam)
        c.a(f"  {key.upper().replace('-', '_')}: ")
        c.v("SECRET", val, fam)
        c.a("\n")
    c.a("jobs:\n  publish:\n    runs-on: ubuntu-22.04\n    steps:\n      - ")
    c.k("uses: actions/checkout@v4")
    c.a("\n```")


@template("dev", "ticket")
def intake_form(c: Ctx):
    c.a("Patient intake\n")
    c.a(c.pick(["Patient name: ", "Name: "]))
    c.v("PERSON", c.name())
    c.a("\nMRN: ")
    c.v("MEDICAL_RECORD_NUMBER", values.mrn(c.rng))
    c.a("\nDOB: ")
    c.v("DATE_OF_BIRTH", values.dob(c.rng, c.fk, c.pick(["us", "iso"])))
    c.a("\nInsurance member ID: ")
    c.v("HEALTH_PLAN_ID", values.health_plan_id(c.rng))
    c.a("\nEmergency contact: ")
    c.v("PHONE_NUMBER", c.phone())
    c.a("\n")
    c.k("Allergies: none known")
