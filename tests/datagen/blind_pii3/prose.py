"""PII in what people write: questions, chat, emails, tickets, signatures, address blocks, payments."""

from __future__ import annotations

from . import lookalikes, pii
from .case import Case, Ctx, Val
from .disguise import maybe
from .records import Person

QUESTION = ("Can you check why {0} ({1}) was charged twice? {2} says it started after the upgrade.",
            "Why does the dashboard show no orders for {0}? Her email is {1}. Also {2}.",
            "Please pull all tickets opened by {0}, contact {1}, and summarise them. Context: {2}.",
            "I need the churn risk for {0} — reachable at {1}. Note {2}.",
            "Which segment does {0} belong to? We only have {1} on file. {2}",
            "Could you draft a renewal note to {0} at {1}? Keep it short, mention {2}.")
MY_NAME = ("Hi, my name is {0} and I can't log in with {1}. Using {2}.",
           "Hello! My name is {0}. My phone is {1} if that's easier. Ref: {2}",
           "My name's {0}, the account is under {1}. {2}",
           "Hey there, I am {0}; you can call me on {1}. ({2})",
           "This is {0} writing. Best number: {1}. See {2}.",
           "name is {0} btw, reach me at {1} — {2}")
GREETING = ("Hi {0},\n\nthanks for the export. The totals match {1} now.\n\nBest,\n{2}\n{3}\n",
            "Dear {0},\nplease find the Q3 figures attached ({1}).\nKind regards\n{2}\nTel. {3}\n",
            "Hello {0}!\nThe dashboard is fixed, see {1}.\nCheers, {2}\nMobile: {3}\n",
            "Hei {0},\nkiitos! Raportti on valmis ({1}).\nTerveisin\n{2}\npuh. {3}\n",
            "Hola {0}:\nya está el informe, revisa {1}.\nSaludos,\n{2}\nTel: {3}\n",
            "Morning {0} -\nquick one about {1}.\nThanks\n{2} | {3}\n")
TICKET = ("Ticket {0}\nName: {1}\nDOB: {2}\nSSN: {3}\nIssue: cannot see {4} in the report.\n",
          "Support case {0}\nCustomer: {1}\nDate of birth: {2}\nSocial: {3}\nProblem: {4} missing from export\n",
          "Request {0}\nRequester: {1}\nBorn: {2}\nSSN {3}\nSummary: wrong totals for {4}\n",
          "Case {0} / Patient: {1} / DOB {2} / SSN# {3} / note: {4}\n",
          "Escalation {0}\nContact person: {1}\nBirth date: {2}\nTax id (SSN): {3}\nDetails: {4} broken\n",
          "[{0}] reporter={1}; dob={2}; ssn={3}; {4}\n")
MEDICAL = ("Claim for {0}: MBI {1}, rendering NPI {2}, MRN {3}. Why was it denied?",
           "Patient {0} (Medicare {1}) was seen by provider {2}; chart {3}. Summarise the visit codes.",
           "Beneficiary {0}, medicare id {1}, prescriber NPI {2}, record no. {3} — check eligibility.",
           "{0} | MBI: {1} | NPI: {2} | MRN: {3}",
           "Re-bill {0}; their MBI is {1} and the attending's NPI {2} (medical record {3}).",
           "eligibility lookup -> {0}, {1}, {2}, {3}")
BANK = ("Refund {0} to IBAN {1}; the card on file was {2} and {3}.",
        "Payout for {0}: {1}. Old cards: {2}, {3}.",
        "{0} asked us to move the subscription from card {2} to {3}, or wire to {1}.",
        "Transfer details for {0} -> {1}. Declined: {2} / {3}",
        "Please reconcile {0}'s payments: IBAN {1}, cards {2}; {3}",
        "Account holder {0}, iban {1}, cc {2} {3}")
US_BANK = ("Wire to {0}: routing {1}, account {2}.", "ACH for {0} - ABA {1} acct {2}",
           "Direct deposit: {0}, bank routing number {1}, account number {2}.",
           "{0} changed payroll to RTN {1} / {2}", "Set up autopay for {0} with routing {1} and checking {2}.",
           "beneficiary={0} aba={1} account={2}")
IDS = ("Verify {0}: passport {1}, licence {2}, national id {3}.",
       "KYC for {0} — passport no. {1}; driver's license {2}; personal id code {3}",
       "{0} uploaded passport {1} and DL {2}. ID number: {3}",
       "Identity check {0}: travel document {1}, driving licence {2}, citizen number {3}",
       "Onboarding {0}. Docs: {1} (passport), {2} (license), {3} (national)",
       "id_check name={0} passport={1} dl={2} nid={3}")
ADDRESS = ("Ship it to:\n{0}\n{1}\n{2} {3}\n\n({4})",
           "Billing address\n{0}\n{1}\n{2} {3}\nNote: {4}",
           "Please update the address of the customer:\n\n{0}\n{1}\n{2}  {3}\n{4}",
           "Delivery:\n{0}, {1}, {2} {3}. {4}",
           "Mailing address on file:\n{0}\n{1}\n{2} {3}\n-- {4}",
           "addr:\n{0}\n{1}\n{2} {3}\n#{4}")


def question(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    contact = p.value(ctx.rng.choice(("email", "phone", "email")))
    case.fill(ctx.pick(QUESTION), [p.value("name"), contact, lookalikes.one(ctx)])


def my_name(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    who = p.value(ctx.rng.choice(("name", "given", "name")))
    case.fill(ctx.pick(MY_NAME), [who, p.value(ctx.rng.choice(("email", "phone"))), lookalikes.one(ctx)])


def greeting(ctx: Ctx, case: Case) -> None:
    to, sender = Person(ctx), Person(ctx)
    first = to.value(ctx.rng.choice(("given", "given", "family", "name")))
    case.fill(ctx.pick(GREETING), [first, lookalikes.one(ctx), sender.value("name"), sender.value("phone")])


def ticket(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    case.fill(ctx.pick(TICKET), [lookalikes.one(ctx, "reference"), p.value("name"), p.value("dob"),
                                 p.value("ssn"), lookalikes.one(ctx, ctx.rng.choice(("brand", "column")))])


def medical(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    case.fill(ctx.pick(MEDICAL), [p.value("name"), p.value("mbi"), p.value("npi"), p.value("mrn")])


def bank(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    case.fill(ctx.pick(BANK), [p.value("name"), p.value("iban"), p.value("card"), p.value("card")])


def us_bank(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    case.fill(ctx.pick(US_BANK), [p.value("name"), p.value("aba"), p.value("account")])


def ids(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    case.fill(ctx.pick(IDS), [p.value("name"), p.value("passport"), p.value("licence"), p.value("national_id")])


def address_block(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    street = Val(p.street, "STREET_ADDRESS")
    if "\n" not in p.street and ctx.rng.random() < 0.2:
        parts = p.street.rsplit(" ", 1)
        if len(parts) == 2 and any(ch.isdigit() for ch in parts[1]):
            street = Val(parts[0] + "\n" + parts[1], "STREET_ADDRESS", None, "line_break", p.street)
    else:
        street = maybe(ctx.rng, street, 0.1)
    case.fill(ctx.pick(ADDRESS), [p.value("name"), street, p.postcode, p.city, lookalikes.one(ctx)])


def chat_multi(ctx: Ctx, case: Case) -> None:
    """A short chat transcript: several people, an IP and a card in passing."""
    a, b = Person(ctx), Person(ctx)
    lines = (("[{0}] {1}: can you look at the login from {2}?\n[{0}] {3}: sure, whose account?\n"
              "[{0}] {1}: {4}, email {5}\n"),
             ("{1} ({0}): seeing failed logins from {2}\n{3} ({0}): which user\n{1} ({0}): {4} / {5}\n"))
    case.fill(ctx.pick(lines), [lookalikes.one(ctx, "timestamp"), a.value("given"), Val(pii.ip(ctx)[0], "IP_ADDRESS"),
                                b.value("given"), Person(ctx).value("name"), Person(ctx).value("email")])


SHAPES = {"question": question, "my_name": my_name, "greeting": greeting, "ticket": ticket, "medical": medical,
          "bank": bank, "us_bank": us_bank, "ids": ids, "address_block": address_block, "chat": chat_multi}
