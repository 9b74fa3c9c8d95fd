"""Identity, payroll, payment and network records: the values written as key=value, key: value and in prose."""

from __future__ import annotations

from . import values
from .registry import Ctx, template

STATES = {"CA": "California", "NY": "New York", "FL": "Florida", "TX": "Texas", "IL": "Illinois",
          "WA": "Washington", "PA": "Pennsylvania", "NJ": "New Jersey"}


@template("test", "log", weight=2)
def kyc_kv(c: Ctx):
    c.k(f"kyc_check id={c.n(100000, 999999)}")
    c.a(" applicant=\"")
    c.v("PERSON", c.name())
    c.a("\" ssn=")
    c.v("US_SSN", values.ssn(c.rng, c.pick(["dash", "dot", "plain", "dash"])))
    c.a(" dob=")
    c.v("DATE_OF_BIRTH", values.dob(c.rng, c.fk, "iso"))
    state, dl = values.us_driver_license(c.rng)
    c.a(f" dl_state={state} dl_number=")
    c.v("US_DRIVER_LICENSE", dl if " " not in dl else dl.replace(" ", ""))
    c.a(" passport=")
    c.v("US_PASSPORT", values.us_passport(c.rng))
    c.a(" ")
    c.k(c.pick(["result=PASS", "result=REVIEW", "result=FAIL reason=document_expired"]))


@template("test", "prose", weight=2)
def payroll_setup(c: Ctx):
    c.a(c.pick(["Set up direct deposit for ", "Please update the bank details of "]))
    c.v("PERSON", c.name())
    c.a(c.pick([": routing ", " — ABA "]))
    c.v("ABA_ROUTING", values.aba(c.rng))
    c.a(c.pick([", account ", ", checking account no. "]))
    c.v("US_BANK_NUMBER", values.bank_account(c.rng))
    c.a(c.pick([", SSN ", ". Their social: "]))
    c.v("US_SSN", values.ssn(c.rng))
    c.a(". ")
    c.k(c.pick(["Effective from the next pay run.", "Payroll closes on the 25th.", "Use the Gusto import."]))


@template("test", "prose")
def insurance_claim(c: Ctx):
    c.a("Claim for ")
    c.v("PERSON", c.name())
    c.a(c.pick([", member ID ", ", health plan ID ", ", subscriber "]))
    c.v("HEALTH_PLAN_ID", values.health_plan_id(c.rng))
    c.a(", group ")
    c.k(f"GRP-{c.n(1000, 9999)}")
    c.a(c.pick([", Medicare MBI ", ", MBI: "]))
    c.v("MEDICARE_MBI", values.mbi(c.rng))
    c.a(c.pick([". Date of birth ", ". DOB: "]))
    c.v("DATE_OF_BIRTH", c.pii("DATE_OF_BIRTH"))
    c.a(". Denied with code ")
    c.k("CO-197")
    c.a(", what does it mean?")


@template("test", "address")
def id_card_fields(c: Ctx):
    label = {"fi_FI": "Henkilötunnus", "sv_SE": "Personnummer", "nl_NL": "BSN", "es_ES": "DNI", "it_IT": "Codice fiscale",
             "fr_FR": "Numéro de sécurité sociale", "pl_PL": "PESEL", "pt_BR": "CPF", "tr_TR": "T.C. Kimlik No",
             "ro_RO": "CNP", "hu_HU": "Adóazonosító jel", "no_NO": "Fødselsnummer", "en_GB": "NI number"}.get(c.locale, "National ID")
    c.a("Surname: ")
    c.v("PERSON", c.surname())
    c.a("\nGiven names: ")
    c.v("PERSON", c.given())
    c.a(f"\n{label}: ")
    c.v("NATIONAL_ID", c.pii("NATIONAL_ID"))
    c.a("\nPhone: ")
    c.v("PHONE_NUMBER", c.phone())
    c.a("\n")
    c.k(c.pick(["Nationality: Finland", "Document type: ID card", "Issued by: Police"]))


@template("dev", "prose", weight=2)
def card_payment(c: Ctx):
    c.a(c.pick(["refund these two: ", "the customer tried both cards "]))
    c.v("CREDIT_CARD", values.card(c.rng))
    c.a(" and ")
    c.v("CREDIT_CARD", values.card(c.rng))
    c.a(c.pick([" (cvc ", " — CVV "]))
    c.v("CARD_CVV", values.cvv(c.rng))
    c.a(c.pick([") from ", "), email "]))
    c.v("EMAIL_ADDRESS", c.email())
    c.a(". ")
    c.k(c.pick(["Amount: 49.00 USD", "Stripe shows status=requires_action", "The order number is 100482."]))


@template("dev", "log", weight=2)
def payment_kv(c: Ctx):
    c.k(f"ts={c.n(1_700_000_000, 1_790_000_000)}")
    c.a(" event=auth_decline card=")
    c.v("CREDIT_CARD", values.card(c.rng, c.pick(["space", "plain", "dash"])))
    c.a(" cvv=")
    c.v("CARD_CVV", values.cvv(c.rng))
    c.a(" holder=")
    c.v("PERSON", c.surname())
    c.a(" ip=")
    c.v("IP_ADDRESS", c.pick([values.ipv4, values.ipv6])(c.rng))
    c.a(" phone=")
    c.v("PHONE_NUMBER", c.phone("e164"))
    c.a(" ")
    c.k(c.pick(["code=05", "code=51 msg=insufficient_funds", "code=14"]))


@template("dev", "config")
def firewall_rules(c: Ctx):
    c.a("```hcl\nresource \"aws_security_group_rule\" \"office\" {\n  ")
    c.k("type        = \"ingress\"")
    c.a("\n  from_port   = 443\n  cidr_blocks = [\"")
    c.v("IP_ADDRESS", values.cidr(c.rng))
    c.a("\", \"")
    c.v("IP_ADDRESS", values.cidr(c.rng))
    c.a("\"]\n}\n```\nAlso allow the VPN exit ")
    c.v("IP_ADDRESS", values.ipv4(c.rng))
    c.a(" and my home IPv6 ")
    c.v("IP_ADDRESS", values.ipv6(c.rng))
    c.a(". ")
    c.k("terraform v1.7.5")


@template("dev", "prose")
def contact_update(c: Ctx):
    c.a(c.pick(["new contact for the ", "please replace the contact on the "]))
    c.k(c.pick(["Acme renewal", "EMEA reseller deal", "Nordics account"]))
    c.a(": ")
    c.v("PERSON", c.name())
    c.a(", ")
    c.v("EMAIL_ADDRESS", c.email())
    c.a(", ")
    c.v("PHONE_NUMBER", c.phone())
    c.a(c.pick([". Her driver's license (", ". His licence ("]))
    state, dl = values.us_driver_license(c.rng)
    c.k(STATES[state])
    c.a(") is ")
    c.v("US_DRIVER_LICENSE", dl)
    c.a(".")


@template("dev", "config")
def npmrc(c: Ctx):
    c.a("my .npmrc:\n")
    c.k("registry=https://registry.npmjs.org/")
    c.a("\n//registry.npmjs.org/:_authToken=")
    c.v("SECRET", c.secret("npm")[0], "npm")
    c.a("\n")
    c.k("always-auth=true")
    c.a("\nnpm ERR! code E401")
