"""Prose an assistant is sent: chat prompts, emails with signatures, tickets, clinical notes, HR records."""

from __future__ import annotations

from tests.datagen.blind_pii4.builder import Builder
from tests.datagen.blind_pii4.keeps import BANDS, BRANDS, PLACES, PRODUCTS, TITLES
from tests.datagen.blind_pii4.kit import Kit


def chat_intro(b: Builder, k: Kit) -> None:
    b.add(k.ph(["Hi! My name is <<n>> and I work as a <<t>> near <<pl>>. Can you rewrite my bio so it sounds "
                "less stiff? You can reach me at <<e>> if the draft needs my phone (<<ph>>).",
                "hello, my name is <<n>>. im a <<t>>, huge <<band>> fan. fix the grammar pls: "
                "'contact me on <<ph>> or <<e>>'"],
               ["Quick one: I'm <<n>>, <<t>> at a <<br>> reseller. Draft a two-line intro for LinkedIn and put "
                "<<e>> and <<ph>> at the end.",
                "so my name's <<n>> — <<t>>, based out of <<pl>>. could you turn this into a cover letter? "
                "phone <<ph>>, mail <<e>>"]),
          n=k.person(), t=k.of(TITLES), pl=k.of(PLACES), e=k.email(), ph=k.phone(), band=k.of(BANDS),
          br=k.of(BRANDS))


def chat_people(b: Builder, k: Kit) -> None:
    b.add(k.ph(["Summarise the meeting. Attendees: <<a>>, <<b2>>, <<c>> and <<d>>. <<a>> will send the "
                "<<pr>> budget to <<b2>> by Friday; <<c>> disagreed.",
                "Make a seating chart for the <<br>> offsite: <<a>>; <<b2>>; <<c>>; <<d>>. Keep <<c>> away "
                "from the windows."],
               ["Attendees (in order of arrival)\n- <<a>>\n- <<b2>>\n- <<c>>\n- <<d>>\nWrite the minutes: "
                "the <<pr>> launch slipped, <<d>> owns the follow-up.",
                "who should present first? candidates are <<a>>, <<b2>> or <<c>>, and <<d>> chairs. "
                "Topic: the <<br>> partnership."]),
          a=k.person(), b2=k.given(), c=k.surname(), d=k.person(), pr=k.of(PRODUCTS), br=k.of(BRANDS))


def email_signature(b: Builder, k: Kit) -> None:
    lines = k.address()
    block = "\n".join(f"<<l{i}>>" for i in range(len(lines)))
    slots = {f"l{i}": line for i, line in enumerate(lines)}
    b.add(k.ph(["Please tidy up this email before I send it:\n\nDear <<to>>,\n\nthanks for the call about "
                "the <<pr>> order <<o>>. The refund can go to <<iban>>.\n\nKind regards,\n<<n>>\n<<t>>\n"
                + block + "\nTel. <<ph>>\n<<e>>",
                "Translate into German:\n\nHi <<to>>,\nthe invoice for <<o>> is attached. Wire it to <<iban>> "
                "please.\n\nCheers,\n<<n>> | <<t>>\n" + block + "\nM: <<ph>> | <<e>>"],
               ["Is the tone ok?\n---\nHello <<to>>,\nI'm following up on <<o>> (<<pr>>). Our account: "
                "<<iban>>.\nBest,\n<<n>>\n<<t>>\n" + block + "\nphone: <<ph>>\nemail: <<e>>\n---",
                "Shorten this reply:\n\n> <<to>> wrote: where is my <<pr>>?\n\nDear <<to>>, your parcel "
                "<<o>> left the depot today. Any refund goes back to <<iban>>.\n\nWarm wishes\n<<n>>, <<t>>\n"
                + block + "\n<<ph>> · <<e>>"]),
          to=k.given(), pr=k.of(PRODUCTS), o=k.order(), iban=k.iban(), n=k.person(), t=k.of(TITLES),
          ph=k.phone(), e=k.email(), **slots)


def support_ticket(b: Builder, k: Kit) -> None:
    b.add(k.ph(["Ticket #<<num>> (priority: high)\nCustomer: <<n>>\nEmail: <<e>>\nCard on file: <<c>>\n"
                "Issue: charged twice for <<pr>>; second charge on <<c2>>. Order <<o>> placed <<ts>>.\n"
                "Classify the ticket and draft a reply.",
                "Draft an apology. Customer <<n>> (<<oe>>) says <<br>> charged cards <<c>> and <<c2>> "
                "for order <<o>>. Logged at <<ts>>."],
               ["[SUPPORT] from <<n>> <<e>>\nsubject: double charge\nbody: hi, both my cards <<c>>, <<c2>> "
                "were billed for <<pr>>, ref <<o>>, around <<ts>>. not ok!!\n-- reply politely please",
                "Categorise: 'Order <<o>> for a <<pr>> never arrived. I'm <<n>>, reachable at <<oe>>. "
                "Refund to the card ending... actually the whole number is <<c>> (or <<c2>>).' (received <<ts>>)"]),
          num=k.order(), n=k.person(), e=k.email(), oe=k.obfuscated_email(), c=k.card(), c2=k.card(),
          pr=k.of(PRODUCTS), br=k.of(BRANDS), o=k.order(), ts=k.ts())


def clinical_note(b: Builder, k: Kit) -> None:
    b.add(k.ph(["Summarise for the discharge letter:\nPatient: <<n>>  DOB: <<dob>>  MRN: <<mrn>>\n"
                "Medicare: <<mbi>>\nReferring physician: Dr. <<dr>> (NPI <<npi>>)\nAssessment: stable; repeat "
                "labs until the condition is met. Follow up with <<t>>.",
                "Rewrite in plain English for the patient: '<<n>>, born <<dob>>, record <<mrn>>, MBI <<mbi>>, "
                "seen by <<dr>> NPI <<npi>>; continue metformin 500 mg.'"],
               ["SOAP note - tidy it up\nS: pt <<n>> (dob <<dob>>) c/o chest pain\nO: BP 128/84\nA/P: ECG; "
                "refer to <<dr>>, npi=<<npi>>\nIDs: mrn=<<mrn>> mbi=<<mbi>>",
                "Extract the medication list only.\n\nName: <<n>>\nDate of birth: <<dob>>\nMedical record no. "
                "<<mrn>>\nMedicare Beneficiary Identifier <<mbi>>\nAttending: <<dr>>, NPI: <<npi>>\nMeds: "
                "lisinopril 10 mg, atorvastatin 20 mg"]),
          n=k.person(), dob=k.dob(), mrn=k.mrn(), mbi=k.mbi(), dr=k.surname(), npi=k.npi(), t=k.of(TITLES))


def hr_record(b: Builder, k: Kit) -> None:
    scheme, nid = k.national()
    b.add(k.ph(["Check this onboarding record for missing fields:\nEmployee: <<n>>\nTitle: <<t>>\n"
                "SSN: <<ssn>>\n<<scheme>>: <<nid>>\nPassport: <<pp>>\nDriver licence: <<dl>>\n"
                "Salary account: <<acct>> (routing <<aba>>)\nStart: <<ts>>",
                "Write a welcome message for <<n>> (new <<t>>). For payroll, use SSN <<ssn>>, "
                "<<scheme>> <<nid>>, bank routing <<aba>>, account <<acct>>; passport no. <<pp>>, licence <<dl>>."],
               ["HR export row - what is wrong with it?\nname=<<n>>; role=<<t>>; ssn=<<ssn>>; "
                "national_id(<<scheme>>)=<<nid>>; passport=<<pp>>; dl=<<dl>>; aba=<<aba>>; acct=<<acct>>; "
                "hired=<<ts>>",
                "Employee file\n  Full name ........ <<n>>\n  Position ......... <<t>>\n  Social Security .. <<ssn>>\n"
                "  <<scheme>> ... <<nid>>\n  Passport ......... <<pp>>\n  Licence .......... <<dl>>\n"
                "  ABA / account .... <<aba>> / <<acct>>\nTurn this into a JSON object."]),
          n=k.person(), t=k.of(TITLES), ssn=k.ssn(), scheme=scheme, nid=nid, pp=k.passport(), dl=k.licence(),
          acct=k.account(), aba=k.aba(), ts=k.ts())


def address_block(b: Builder, k: Kit) -> None:
    lines = k.address()
    slots = {f"l{i}": line for i, line in enumerate(lines)}
    block = "\n".join(f"<<l{i}>>" for i in range(len(lines)))
    one_line = ", ".join(f"<<l{i}>>" for i in range(len(lines)))
    b.add(k.ph(["Format this shipping label:\n<<n>>\n" + block + "\nTel <<ph>>\nContents: <<pr>>",
                "Is this address complete? " + one_line + " (recipient <<n>>, phone <<ph>>, item <<pr>>)"],
               ["Ship to:\n\n<<n>>\n" + block + "\n\nPhone: <<ph>>\nThe box holds a <<pr>>. Write the customs "
                "description.",
                "the courier needs the address on one line: " + one_line + ", attn <<n>>, <<ph>> — "
                "package is a <<pr>>"]),
          n=k.person(), ph=k.phone(), pr=k.of(PRODUCTS), **slots)


PROSE = [chat_intro, chat_people, email_signature, support_ticket, clinical_note, hr_record, address_block]
