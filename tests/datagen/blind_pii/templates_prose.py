"""Prose an assistant receives: questions, pasted emails, support tickets, self-introductions, signatures."""

from __future__ import annotations

from .pool import obfuscated_email
from .registry import Ctx, template

ROLES = ["Data Engineer", "Senior Analyst", "Product Manager", "Head of Finance", "Support Lead", "Staff Engineer",
         "Customer Success Manager", "VP Sales", "Data Scientist", "Office Manager"]
METRICS = ["churn", "MRR", "refund rate", "weekly active users", "conversion", "average order value"]
DIMS = ["United States", "Germany", "Brazil", "Finland", "Japan", "Mexico", "Poland", "Sweden"]


@template("test", "prose")
def ask_about_customer(c: Ctx):
    name = c.name()
    c.a(c.pick(["Can you check why ", "Quick question: do you know why ", "Please look into why "]))
    c.v("PERSON", name)
    c.a(c.pick([" was charged twice for order ", " got a refund on order ", " never received order "]))
    c.k(f"#{c.n(100000, 999999)}")
    c.a("? Their card on file is ")
    c.v("CREDIT_CARD", c.pii("CREDIT_CARD"))
    c.a(c.pick([" and the email is ", ", contact: "]))
    c.v("EMAIL_ADDRESS", c.email())
    c.a(". ")
    c.k(c.pick(["It happened in the United States store.", "The Stripe dashboard shows only one charge.",
                "Finance says the totals for Q3 are fine."]))


@template("dev", "prose")
def ask_about_account(c: Ctx):
    c.a("hey, ")
    c.v("PERSON", c.name())
    c.a(c.pick([" from accounting says her ", " mentioned his ", " forwarded their "]))
    c.k(c.pick(["invoice", "payout", "direct debit"]))
    c.a(" failed. IBAN: ")
    c.v("IBAN_CODE", c.pii("IBAN_CODE"))
    c.a(c.pick([", phone ", ", call back on "]))
    c.v("PHONE_NUMBER", c.phone())
    c.a(". can you draft a reply?")


@template("test", "prose")
def my_name_is(c: Ctx):
    c.a(c.pick(["Hello, my name is ", "Hi! My name is ", "my name is "]))
    c.v("PERSON", c.name())
    c.a(c.pick([" and I'm the new ", ", I joined as "]))
    c.k(c.pick(ROLES))
    c.a(c.pick([" in ", " at our office in "]))
    c.k(c.pick(DIMS))
    c.a(". My date of birth is ")
    c.v("DATE_OF_BIRTH", c.pii("DATE_OF_BIRTH"))
    c.a(c.pick([" and my national ID is ", "; ID number "]))
    c.v("NATIONAL_ID", c.pii("NATIONAL_ID"))
    c.a(". Can you fill the onboarding form for me?")


@template("dev", "prose")
def i_am(c: Ctx):
    c.a(c.pick(["I'm ", "This is ", "I am "]))
    c.v("PERSON", c.name())
    c.a(", the new ")
    c.k(c.pick(ROLES))
    c.a(c.pick([". Born ", ". DOB "]))
    c.v("DATE_OF_BIRTH", c.pii("DATE_OF_BIRTH"))
    c.a(c.pick([". SSN ", ". My social is "]))
    c.v("US_SSN", c.pii("US_SSN"))
    c.a(c.pick([" — please set up payroll.", ", please add me to payroll."]))


@template("test", "email", weight=2)
def pasted_email(c: Ctx):
    first = c.given()
    sender = c.name()
    c.a("Can you summarise this email and draft a polite answer?\n\n---\nFrom: ")
    c.v("PERSON", sender)
    c.a(" <")
    c.v("EMAIL_ADDRESS", c.email())
    c.a(">\nSubject: ")
    c.k(c.pick(["Re: Invoice INV-2024-0113", "Contract renewal", "Access to the Q3 dashboard"]))
    c.a("\n\nHi ")
    c.v("PERSON", first)
    c.a(",\n\nthanks for the call yesterday. ")
    c.a(c.pick(["As discussed, my new number is ", "You can reach me on "]))
    c.v("PHONE_NUMBER", c.phone())
    c.a(c.pick([". The payment should go to ", ". Please wire the deposit to "]))
    c.v("IBAN_CODE", c.pii("IBAN_CODE"))
    c.a(".\n\nBest regards,\n")
    c.v("PERSON", sender)
    c.a("\n")
    c.k(c.pick(["Data Engineer", "Procurement", "Head of Operations"]))
    c.a(" | ")
    c.k("Northwind Traders")
    c.a("\n")
    c.v("PHONE_NUMBER", c.phone("intl"))
    c.a("\n---")
    c.b.keep("Subject: ")


@template("dev", "email", weight=2)
def forwarded_mail(c: Ctx):
    to_first = c.given()
    c.a("fwd below, who should own this?\n\n> On Tuesday, ")
    sender = c.name()
    c.v("PERSON", sender)
    c.a(" wrote:\n> Dear ")
    c.v("PERSON", to_first)
    c.a(c.pick([",\n> please update my contact details: ", ",\n> my details changed: "]))
    email = c.email()
    if c.rng.random() < 0.5:
        c.v("EMAIL_ADDRESS", obfuscated_email(email, c.rng), disguise=False)
    else:
        c.v("EMAIL_ADDRESS", email)
    c.a(", mobile ")
    c.v("PHONE_NUMBER", c.phone("e164"))
    c.a(".\n> Kind regards,\n> ")
    c.v("PERSON", sender.split()[0])
    c.a("\n\n")
    c.k("Ticket priority: P2")


@template("test", "ticket")
def support_ticket(c: Ctx):
    c.k(f"Ticket #{c.n(10000, 99999)}")
    c.a(" | ")
    c.k(c.pick(["Priority: High", "Priority: Normal", "Status: Open"]))
    c.a("\nRequester: ")
    c.v("PERSON", c.name())
    c.a(" (")
    c.v("EMAIL_ADDRESS", obfuscated_email(c.email(), c.rng) if c.rng.random() < 0.4 else c.email(),
        disguise=c.rng.random() < 0.5)
    c.a(")\nDescription: customer says the card ")
    c.v("CREDIT_CARD", c.pii("CREDIT_CARD"))
    c.a(" (CVV ")
    c.v("CARD_CVV", c.pii("CARD_CVV"))
    c.a(c.pick([") was declined at checkout. Browser: Chrome 126 on macOS 14.5.",
                ") keeps failing 3-D Secure. App version 4.18.2."]))
    c.a("\nLast login from ")
    c.v("IP_ADDRESS", c.pii("IP_ADDRESS"))
    c.b.keep("Description:")


@template("dev", "ticket")
def helpdesk_note(c: Ctx):
    c.a("Internal note (")
    c.k(f"case {c.n(1000, 9999)}-{c.n(10, 99)}")
    c.a("): caller ")
    c.v("PERSON", c.given())
    c.a(" ")
    c.v("PERSON", c.surname())
    c.a(c.pick([" verified with passport ", " verified identity with passport no. "]))
    c.v("US_PASSPORT", c.pii("US_PASSPORT"))
    c.a(c.pick([" and routing number ", ", bank routing "]))
    c.v("ABA_ROUTING", c.pii("ABA_ROUTING"))
    c.a(", account ")
    c.v("US_BANK_NUMBER", c.pii("US_BANK_NUMBER"))
    c.a(". ")
    c.k(c.pick(["Escalated to Tier 2.", "Refund approved by the Support Lead.", "Closed as duplicate."]))


@template("test", "prose")
def greeting_and_values(c: Ctx):
    c.a(c.pick(["Hi ", "Hello ", "Hej ", "Hallo ", "Bonjour "]))
    c.v("PERSON", c.given())
    c.a(c.pick([",\n\n", "!\n"]))
    c.a("Here are the patient details you asked for: MRN ")
    c.v("MEDICAL_RECORD_NUMBER", c.pii("MEDICAL_RECORD_NUMBER"))
    c.a(", Medicare ")
    c.v("MEDICARE_MBI", c.pii("MEDICARE_MBI"))
    c.a(c.pick([", referring NPI ", ", provider "]))
    c.v("NPI", c.pii("NPI"))
    c.a(". ")
    c.k(c.pick(["Continue the infusion until a condition is met.", "Schedule follow-up in 6 weeks.",
                "The discharge summary is attached."]))
    c.a("\n\nThanks,\n")
    c.v("PERSON", c.name())


@template("dev", "prose")
def clinic_question(c: Ctx):
    c.a("Patient ")
    c.v("PERSON", c.surname())
    c.a(c.pick([" (member id ", " (insurance "]))
    c.v("HEALTH_PLAN_ID", c.pii("HEALTH_PLAN_ID"))
    c.a(", born ")
    c.v("DATE_OF_BIRTH", c.pii("DATE_OF_BIRTH"))
    c.a(") was seen by Dr. ")
    c.v("PERSON", c.surname())
    c.a(", NPI ")
    c.v("NPI", c.pii("NPI"))
    c.a(". How do I code this visit? ")
    c.k(c.pick(["The CPT code list is from 2025.", "We use ICD-10-CM.", "Billing runs on Tuesdays."]))


@template("test", "signature")
def signature_block(c: Ctx):
    c.k(c.pick(["Thanks for the quick turnaround!", "Let me know if the numbers look off.", "Cheers"]))
    c.a("\n\n--\n")
    c.v("PERSON", c.name())
    c.a("\n")
    c.k(c.pick(ROLES))
    c.a("\nM: ")
    c.v("PHONE_NUMBER", c.phone())
    c.a("\nE: ")
    c.v("EMAIL_ADDRESS", c.email())


@template("dev", "signature")
def signature_short(c: Ctx):
    c.a(c.pick(["Best,\n", "Regards,\n", "Mit freundlichen Grüßen\n", "Cordialement,\n", "Saludos,\n"]))
    c.v("PERSON", c.given())
    c.a("\n")
    c.k(c.pick(ROLES))
    c.a(" · ")
    c.v("PHONE_NUMBER", c.phone("intl"))


@template("test", "prose")
def lone_names(c: Ctx):
    c.a(c.pick(["Assign it to ", "Ping ", "Ask "]))
    c.v("PERSON", c.given())
    c.a(c.pick(["? ", ". ", ", "]))
    c.a("I think ")
    c.v("PERSON", c.surname())
    c.a(c.pick([" owns the ", " built the "]))
    c.k(c.pick(["revenue dashboard", "Airflow DAG", "dbt model"]))
    c.a(".")


@template("dev", "prose")
def cc_list(c: Ctx):
    c.a("cc ")
    c.v("PERSON", c.given())
    c.a(", ")
    c.v("PERSON", c.surname())
    c.a(" and ")
    c.v("PERSON", c.name())
    c.a(c.pick([" on the migration thread", " on the incident review"]))
    c.a(c.pick([". We meet in ", ". The kickoff is in "]))
    c.k(c.pick(["Berlin", "Helsinki", "Lisbon", "Toronto"]))
    c.a(".")


@template("test", "prose")
def card_lines(c: Ctx):
    c.a(c.pick(["These cards failed in the batch: ", "Declined today: "]))
    for i in range(c.n(2, 4)):
        c.a(", " if i else "")
        c.v("CREDIT_CARD", c.pii("CREDIT_CARD"))
    c.a(c.pick([". Retry them?", " — all from the ", ". Refunds go to "]))
    c.k("checkout-v2")
    c.a(" flow.")


@template("dev", "prose")
def ssn_formats(c: Ctx):
    c.a("Normalise these SSNs to dashes: ")
    for i in range(c.n(2, 3)):
        c.a("; " if i else "")
        c.v("US_SSN", c.pii("US_SSN"))
    c.a(". The column is ")
    c.k("ssn_raw")
    c.a(" in ")
    c.k("hr.employees")
    c.a(".")
