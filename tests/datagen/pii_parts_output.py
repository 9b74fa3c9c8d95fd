"""The parts of a generated message that show output and metadata: tracebacks, tables, records,
printed output, schema descriptions and profiles (registered into `pii_parts.PARTS`)."""

from __future__ import annotations

from pii_parts import Cast, E, K, P, Part, part
from pii_values import Values

# ---- tracebacks ----
PANDAS_FRAME = ("File ~/.venv/lib/python3.11/site-packages/pandas/core/indexes/base.py:3805, in Index.get_loc(self, key)\n"
                "   3803     return self._engine.get_loc(casted_key)\n   3804 except KeyError as err:\n"
                "-> 3805     raise KeyError(key) from err\n")


@part
def tb_keyerror(v: Values, c: Cast) -> Part:
    return "traceback", ["---------------------------------------------------------------------------\n",
                         "KeyError                                  Traceback (most recent call last)\n",
                         "Cell In[12], line 3\n----> 3 ", K("df.set_index(\"email\").loc[target]"), "\n\n",
                         K(PANDAS_FRAME), "\nKeyError: '", E("EMAIL_ADDRESS", c.email), "'"], "pytb"


@part
def tb_psycopg(v: Values, c: Cast) -> Part:
    user = c.user[0]
    return "traceback", ["Traceback (most recent call last):\n", K("  File \"/app/etl/load.py\", line 41, in <module>"),
                         "\n    conn = psycopg2.connect(DSN)\npsycopg2.OperationalError: connection to server at \"db.internal\" (",
                         E("IP_ADDRESS", v.ipv4()), "), port 5432 failed: FATAL:  password authentication failed for user \"",
                         E("ACCOUNT_USERNAME", user), "\""], ""


@part
def tb_card(v: Values, c: Cast) -> Part:
    return "traceback", ["Traceback (most recent call last):\n", K("  File \"/app/billing/charge.py\", line 88, in charge"),
                         "\n    validate(card)\nValueError: card declined for ", E("CREDIT_CARD", v.card()), " (exp 09/27)"], ""


# ---- tables ----
@part
def md_orders(v: Values, c: Cast) -> Part:
    rows = ["| order_id | customer | email | total | created_at |\n|---|---|---|---|---|\n"]
    for _ in range(v.rng.randrange(2, 4)):
        first, last = v.person()
        rows += ["| ", K(v.order_id()), " | ", P(f"{first} {last}"), " | ", E("EMAIL_ADDRESS", v.email_for(first, last)),
                 f" | {v.rng.randrange(10, 900)}.{v.rng.randrange(10, 99)} | ", K(v.timestamp()), " |\n"]
    return "table", rows, ""


@part
def csv_customers(v: Values, c: Cast) -> Part:
    rows = ["name,email,phone,dob,ssn\n"]
    for _ in range(v.rng.randrange(2, 4)):
        first, last = v.person()
        rows += [P(f"{first} {last}"), ",", E("EMAIL_ADDRESS", v.email_for(first, last)), ",", E("PHONE_NUMBER", v.phone()), ",",
                 E("DATE_OF_BIRTH", f"{v.rng.randrange(1950, 2003)}-0{v.rng.randrange(1, 9)}-1{v.rng.randrange(0, 9)}"), ",",
                 E("US_SSN", v.ssn()), "\n"]
    return "table", rows, "csv"


@part
def csv_patients(v: Values, c: Cast) -> Part:
    rows = ["patient_id,full_name,mrn,diagnosis,admitted_at\n"]
    for _ in range(v.rng.randrange(2, 4)):
        rows += [f"{v.rng.randrange(1000, 9999)},", P(" ".join(v.person())), ",", E("MEDICAL_RECORD_NUMBER", v.digits(8)), ",",
                 E("MEDICAL_CONDITION", v.condition()), ",", K(v.timestamp()), "\n"]
    return "table", rows, ""


@part
def csv_aggregate(v: Values, c: Cast) -> Part:
    return "table", [K("diagnosis,patient_count,avg_hba1c"), "\n", K(f"type 2 diabetes,{v.rng.randrange(100, 999)},8.4"), "\n",
                     K(f"hypertension,{v.rng.randrange(100, 999)},6.1"), "\n"], ""


@part
def psql_cards(v: Values, c: Cast) -> Part:
    rows = [" card_number         | cvv | exp   | status\n---------------------+-----+-------+--------\n"]
    for _ in range(2):
        rows += [" ", E("CREDIT_CARD", v.card()), " | ", E("CARD_SECURITY_CODE", v.cvv()), " | ", K(f"0{v.rng.randrange(1, 9)}/2{v.rng.randrange(6, 9)}"),
                 " | active\n"]
    return "table", rows, ""


# ---- records ----
@part
def json_users(v: Values, c: Cast) -> Part:
    first, last = v.person()
    return "record", ["[\n  {\"id\": \"", K(v.uuid()), "\", \"name\": \"", P(f"{first} {last}"), "\", \"email\": \"",
                      E("EMAIL_ADDRESS", v.email_for(first, last)), "\", \"phone\": \"", E("PHONE_NUMBER", v.phone()),
                      "\", \"created_at\": \"", K(v.timestamp()), "\"}\n]"], "json"


@part
def json_patient(v: Values, c: Cast) -> Part:
    return "record", ["{\"patient\": \"", P(c.name), "\", \"mrn\": \"", E("MEDICAL_RECORD_NUMBER", v.mrn()), "\", \"dob\": \"",
                      E("DATE_OF_BIRTH", v.birth_date()), "\", \"diagnosis\": \"", E("MEDICAL_CONDITION", v.condition()),
                      "\", \"member_id\": \"", E("HEALTH_PLAN_ID", v.member_id()), "\", \"attending_npi\": \"", E("NPI", v.npi()),
                      "\", \"schema_version\": \"", K(v.version()), "\"}"], "json"


@part
def json_payment(v: Values, c: Cast) -> Part:
    return "record", ["{\"payment_id\": \"", K(v.order_id()), "\", \"card\": \"", E("CREDIT_CARD", v.card()), "\", \"cvv\": \"",
                      E("CARD_SECURITY_CODE", v.cvv()), "\", \"billing_address\": \"", E("STREET_ADDRESS", v.street_address()),
                      f"\", \"amount\": {v.rng.randrange(5, 500)}.{v.rng.randrange(10, 99)}}}"], "json"


# ---- printed output ----
@part
def log_frame(v: Values, c: Cast) -> Part:
    rows = [f"{'':3}{'customer_id':>13}{'customer_name':>17}{'email':>30}{'signup_date':>13}\n"]
    for index in range(2):
        first, last = v.person()
        name, mail = f"{first} {last}", v.email_for(first, last)
        rows += [f"{index:<3}{v.rng.randrange(10000, 99999):>13}", " " * max(2, 17 - len(name)), P(name),
                 " " * max(2, 30 - len(mail)), E("EMAIL_ADDRESS", mail), "  ",
                 K(f"2024-0{v.rng.randrange(1, 9)}-1{v.rng.randrange(0, 9)}"), "\n"]
    return "log", rows, ""


@part
def log_access(v: Values, c: Cast) -> Part:
    return "log", [E("IP_ADDRESS", v.ipv4()), " - - [", K("05/Mar/2024:14:22:01 +0000"), "] \"", K("GET /api/v1/orders?page=2 HTTP/1.1"),
                   "\" 200 512\n", K(f"Loaded 3,904,112 rows in 2.31s (pandas {v.version()})")], ""


# ---- schema ----
@part
def schema_table(v: Values, c: Cast) -> Part:
    return "schema", [K(f"Table patients ({v.rng.randrange(1000, 900000):,} rows)"), ": ",
                      K("patient_id BIGINT, full_name TEXT, ssn VARCHAR(11), dob DATE, email TEXT, phone TEXT, diagnosis TEXT")], ""


@part
def schema_columns(v: Values, c: Cast) -> Part:
    return "schema", [K("column ssn: the customer's social security number, stored as VARCHAR(11)"), "\n",
                      K("column email: contact email, nullable"), "\n", K("column password_hash: bcrypt hash of the user's password")], ""


@part
def schema_ddl(v: Values, c: Cast) -> Part:
    return "schema", [K("CREATE TABLE customers (\n  customer_id BIGINT PRIMARY KEY,\n  email VARCHAR(255) NOT NULL,\n"
                        "  password_hash VARCHAR(60),\n  api_token_last4 CHAR(4),\n  created_at TIMESTAMP DEFAULT now()\n);")], "sql"


# ---- profile ----
@part
def profile(v: Values, c: Cast) -> Part:
    user, mail, name = c.user
    return "profile", ["Name: ", E("ACCOUNT_NAME", name), "\nEmail: ", E("ACCOUNT_EMAIL", mail), "\nUsername: ",
                       E("ACCOUNT_USERNAME", user), "\nRole: ", K(v.pick(["Admin", "Editor", "Viewer"]))], ""
