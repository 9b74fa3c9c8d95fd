"""The parts a generated message is made of: each returns (kind, pieces, fence language).

A piece is plain text, `E(entity, value)` (a sensitive value) or `K(text)` (text that must survive).
This module holds the input parts (prose, SQL, code); pii_parts_output the output and metadata ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pii_values import Values


@dataclass(frozen=True)
class E:
    entity: str
    value: str


@dataclass(frozen=True)
class K:
    value: str


@dataclass(frozen=True)
class Cast:
    """The people one message talks about."""

    first: str
    last: str
    email: str
    other: str
    user: tuple[str, str, str]

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @classmethod
    def draw(cls, v: Values, directory: list[tuple[str, str, str]]) -> "Cast":
        first, last = v.person()
        while True:
            other = " ".join(v.person())
            if other != f"{first} {last}":
                break
        return cls(first, last, v.email_for(first, last), other, v.pick(directory))


def P(name: str) -> E:
    return E("PERSON", name)


Part = tuple[str, list, str]
PARTS: dict[str, Callable[[Values, Cast], Part]] = {}


def part(function: Callable[[Values, Cast], Part]) -> Callable[[Values, Cast], Part]:
    PARTS[function.__name__] = function
    return function


# ---- prose ----
@part
def contact(v: Values, c: Cast) -> Part:
    return "prose", [f"Can you send the Q{v.rng.randrange(1, 5)} churn summary to ", P(c.name), " at ",
                     E("EMAIL_ADDRESS", c.email), "? If it bounces, call ", E("PHONE_NUMBER", v.phone()), "."], ""


@part
def double_charge(v: Values, c: Cast) -> Part:
    return "prose", ["Customer ", P(c.name), " says the card ", E("CREDIT_CARD", v.card()), " was charged twice at ",
                     K(v.timestamp()), " for order ", K(v.order_id()), ". Which table has the refunds?"], ""


@part
def patient_note(v: Values, c: Cast) -> Part:
    return "prose", [P(c.name), " (MRN ", E("MEDICAL_RECORD_NUMBER", v.mrn()), ", DOB ", E("DATE_OF_BIRTH", v.birth_date()),
                     ") was diagnosed with ", E("MEDICAL_CONDITION", v.condition()),
                     " last spring. Can you chart the lab results for that visit?"], ""


@part
def medication_note(v: Values, c: Cast) -> Part:
    return "prose", ["Note from the nurse: ", P(c.name), " has been taking ", E("MEDICAL_CONDITION", v.medication()),
                     " since March; flag any visits after ", K(v.sql_date().strip("'")), "."], ""


@part
def aggregate_question(v: Values, c: Cast) -> Part:
    return "prose", [K("How many patients with HbA1c above 9"), " were prescribed ", K("metformin"),
                     " in 2024? Break it down by clinic and compare with ", K("type 2 diabetes"), " admissions."], ""


@part
def groupby_question(v: Values, c: Cast) -> Part:
    return "prose", ["Why does ", K("df.groupby('region')"), " silently drop the null rows? I'm on pandas ",
                     K(v.version()), " and Python ", K("3.11.7"), ". The docs at ",
                     K("https://pandas.pydata.org/docs/reference/api/pandas.DataFrame.groupby.html"),
                     " don't mention it."], ""


@part
def pasted_key(v: Values, c: Cast) -> Part:
    entity, value = v.pick([("OPENAI_API_KEY", v.openai_key()), ("ANTHROPIC_API_KEY", v.anthropic_key()),
                            ("GITHUB_TOKEN", v.github_token()), ("SLACK_TOKEN", v.slack_token())])
    return "prose", ["The staging job still fails with 401. This is the key it uses: ", E(entity, value),
                     " (commit ", K(v.git_hash(short=True)), ")."], ""


@part
def wire_refund(v: Values, c: Cast) -> Part:
    return "prose", ["Please refund ", P(c.name), " by wire: IBAN ", E("IBAN_CODE", v.iban()), ". For the US account use routing number ",
                     E("ABA_ROUTING_NUMBER", v.routing()), " and account number ", E("US_BANK_NUMBER", v.bank_account()), "."], ""


def _identity(c: Cast, pieces: list) -> Part:
    return "prose", ["Onboarding for ", P(c.name), " is stuck. ", *pieces, ", can you check why the KYC row in ",
                     K("kyc_checks"), " is still pending?"], ""


@part
def identity_ssn(v: Values, c: Cast) -> Part:
    return _identity(c, [v.pick(["My SSN is ", "Social security number: "]), E("US_SSN", v.ssn())])


@part
def identity_itin(v: Values, c: Cast) -> Part:
    return _identity(c, ["Her ITIN is ", E("US_ITIN", v.itin())])


@part
def identity_passport(v: Values, c: Cast) -> Part:
    return _identity(c, [v.pick(["His passport number is ", "Passport no. "]), E("US_PASSPORT", v.passport())])


@part
def identity_license(v: Values, c: Cast) -> Part:
    return _identity(c, [v.pick(["Driver's license: ", "DL# "]), E("US_DRIVER_LICENSE", v.driver_license())])


@part
def callback(v: Values, c: Cast) -> Part:
    number = v.phone()
    digits = "".join(ch for ch in number if ch.isdigit())
    plain = digits[-10:] if number.startswith(("(", "4", "2", "3", "6")) or number.startswith("+1") else number
    return "prose", [P(c.name), v.pick([" asked for a callback, her cell is ", " can be reached on mobile "]),
                     E("PHONE_NUMBER", plain), v.pick([" after 5pm, re ticket ", ". Ticket "]), K(v.order_id())], ""


@part
def shipping(v: Values, c: Cast) -> Part:
    return "prose", [v.pick(["Ship the replacement to ", "The customer lives at ", "Billing address: "]),
                     E("STREET_ADDRESS", v.street_address()), ". Tracking id ", K(v.order_id()), " shows no scan yet."], ""


@part
def traffic(v: Values, c: Cast) -> Part:
    return "prose", ["Requests from ", E("IP_ADDRESS", v.ipv4()), " spiked at ", K(v.timestamp()), "; we also saw ",
                     E("IP_ADDRESS", v.ipv6()), ". Deploy ", K(v.uuid()), " went out right before."], ""


@part
def prescriber(v: Values, c: Cast) -> Part:
    return "prose", ["The claim lists Dr. ", P(c.other), " (NPI ", E("NPI", v.npi()), ", DEA ", E("DEA_NUMBER", v.dea()),
                     ") and member ID ", E("HEALTH_PLAN_ID", v.member_id()), ". Why is it in ", K("claims_rejected"), "?"], ""


@part
def workspace_people(v: Values, c: Cast) -> Part:
    user, mail, name = c.user
    return "prose", ["Ask ", E("ACCOUNT_NAME", name), " (", E("ACCOUNT_EMAIL", mail), ") or @", E("ACCOUNT_USERNAME", user),
                     " before editing the ", K("revenue_daily"), " model."], ""


@part
def version_talk(v: Values, c: Cast) -> Part:
    return "prose", ["After upgrading to version ", K("1.2.3.4"), " of the connector (build ", K(v.sha256()[:12]),
                     ") the query takes 40s. We pinned ", K(f"snowflake-connector-python=={v.version()}"), "."], ""


# ---- SQL ----
@part
def sql_lookup(v: Values, c: Cast) -> Part:
    date = v.sql_date()
    return "sql", [K("SELECT order_id, customer_name, email"), "\nFROM orders\nWHERE email = '", E("EMAIL_ADDRESS", c.email),
                   "'\n  AND ", K(f"created_at >= {date}"), "\nORDER BY created_at DESC;"], "sql"


@part
def sql_update(v: Values, c: Cast) -> Part:
    return "sql", [K("UPDATE patients SET phone"), " = '", E("PHONE_NUMBER", v.phone()), "'\n", K("WHERE ssn"), " = '",
                   E("US_SSN", v.ssn()), "';"], "sql"


@part
def sql_insert(v: Values, c: Cast) -> Part:
    date = v.birth_date() if v.rng.random() < 0.3 else f"{v.rng.randrange(1950, 2000)}-0{v.rng.randrange(1, 9)}-1{v.rng.randrange(0, 9)}"
    return "sql", [K("INSERT INTO customers (full_name, dob, card_number)"), "\nVALUES ('", P(c.name), "', '",
                   E("DATE_OF_BIRTH", date), "', '", E("CREDIT_CARD", v.card()), "');"], "sql"


@part
def sql_user(v: Values, c: Cast) -> Part:
    return "sql", [K("CREATE USER etl_loader WITH"), " PASSWORD '", E("PASSWORD", v.password()), "';\n",
                   K("GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO etl_loader;")], "sql"


@part
def sql_aggregate(v: Values, c: Cast) -> Part:
    return "sql", [K("SELECT diagnosis, COUNT(*) AS patients, AVG(hba1c) AS avg_hba1c"), "\nFROM encounters\n",
                   K("WHERE diagnosed_at BETWEEN '2024-01-01' AND '2024-03-31'"), "\n  AND diagnosis IN (",
                   K("'type 2 diabetes', 'hypertension'"), ")\nGROUP BY diagnosis;"], "sql"


@part
def sql_connection(v: Values, c: Cast) -> Part:
    return "sql", ["-- run with: psql postgresql://analyst:", E("PASSWORD", v.password()), "@db.internal:5432/warehouse\n",
                   K("SELECT date_trunc('week', created_at) AS week, SUM(total)"), " FROM orders GROUP BY 1;"], "sql"


@part
def sql_where_name(v: Values, c: Cast) -> Part:
    return "sql", [K("SELECT ticket_id, priority, opened_at"), " FROM tickets\nWHERE requester_name = '", P(c.name),
                   "'\n  AND ", K("opened_at > '2024-01-01'"), ";"], "sql"


# ---- Python ----
@part
def yaml_config(v: Values, c: Cast) -> Part:
    return "code", ["database:\n  host: db.internal\n  user: etl\n  password: ", E("PASSWORD", v.password()),
                    "\nsnowflake:\n  account: acme-xy12345\n  ", K("private_key_path: ~/.ssh/snowflake_key.p8"),
                    "\n  ", K("warehouse: ANALYTICS_WH")], "yaml"



@part
def py_openai(v: Values, c: Cast) -> Part:
    return "code", ["import re\nimport datetime as dt\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=\"",
                    E("OPENAI_API_KEY", v.openai_key()), "\")\n", K("self.re = re.compile(r\"\\d+\")"), "\n",
                    K("start = dt.date(2024, 1, 1)"), "\n", K("df = pd.read_csv(\"data/orders_2024.csv\")")], "python"


@part
def py_boto(v: Values, c: Cast) -> Part:
    return "code", ["s3 = boto3.client(\n    \"s3\",\n    aws_access_key_id=\"", E("AWS_ACCESS_KEY", v.aws_key_id()),
                    "\",\n    aws_secret_access_key=\"", E("AWS_SECRET_KEY", v.aws_secret()), "\",\n)\n",
                    K("obj = s3.get_object(Bucket=\"acme-exports\", Key=\"daily/orders.parquet\")")], "python"


@part
def py_engine(v: Values, c: Cast) -> Part:
    return "code", ["engine = create_engine(\"postgresql+psycopg2://etl:", E("PASSWORD", v.password()),
                    "@db.internal:5432/prod\")\n", K("df = pd.read_sql(\"SELECT * FROM orders LIMIT 100\", engine)")], "python"


@part
def py_headers(v: Values, c: Cast) -> Part:
    return "code", ["headers = {\"Authorization\": \"Bearer ", E("JWT", v.jwt()), "\"}\n",
                    K("resp = requests.get(f\"{BASE_URL}/v1/orders\", headers=headers, timeout=30)")], "python"


def _vendor(lines: list) -> Part:
    return "code", [*lines, "\n", K("def weekly_revenue(df):"), "\n    ",
                    K("return df.groupby(pd.Grouper(key=\"created_at\", freq=\"W\"))[\"total\"].sum()")], "python"


@part
def py_payments_keys(v: Values, c: Cast) -> Part:
    return _vendor(v.pick([["stripe.api_key = \"", E("STRIPE_SECRET_KEY", v.stripe_key()), "\""],
                           ["sg = SendGridAPIClient(\"", E("SENDGRID_API_KEY", v.sendgrid_key()), "\")"]]))


@part
def py_messaging_keys(v: Values, c: Cast) -> Part:
    return _vendor(v.pick([["# twilio account sid\nclient = Client(\"", E("TWILIO_CREDENTIAL", v.twilio_sid()), "\", auth_token)"],
                           ["SLACK_BOT_TOKEN = \"", E("SLACK_TOKEN", v.slack_token()), "\""]]))


@part
def py_cloud_keys(v: Values, c: Cast) -> Part:
    return _vendor(v.pick([["genai.configure(api_key=\"", E("GOOGLE_API_KEY", v.google_api_key()), "\")"],
                           ["conn_str = \"DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=",
                            E("AZURE_STORAGE_KEY", v.azure_key()), ";EndpointSuffix=core.windows.net\""]]))


@part
def py_dev_keys(v: Values, c: Cast) -> Part:
    return _vendor(v.pick([["GITLAB_TOKEN = \"", E("GITLAB_TOKEN", v.gitlab_token()), "\""],
                           ["gh = Github(\"", E("GITHUB_TOKEN", v.github_token()), "\")"],
                           ["client = anthropic.Anthropic(api_key=\"", E("ANTHROPIC_API_KEY", v.anthropic_key()), "\")"]]))


@part
def py_env(v: Values, c: Cast) -> Part:
    return "code", ["DB_HOST=db.internal\nDB_PASSWORD=", E("PASSWORD", v.password()), "\nSECRET_KEY=", E("SECRET", v.token()),
                    "\n", K("DEBUG=false"), "\n", K("LOG_LEVEL=info")], "bash"


@part
def py_assignments(v: Values, c: Cast) -> Part:
    return "code", ["config = {\n    \"user\": \"analytics\",\n    \"password\": \"", E("PASSWORD", v.password()),
                    "\",\n    \"api_token\": \"", E("SECRET", v.token()), "\",\n}\n", K("password = os.environ[\"DB_PASSWORD\"]"),
                    "\n", K("token = get_token(config)")], "python"


@part
def py_benign(v: Values, c: Cast) -> Part:
    return "code", [K("cols = [\"email\", \"ssn\", \"customer_name\", \"patient_id\"]"), "\n",
                    K("df[cols].isna().sum()"), "\n", K("df[\"dob\"] = pd.to_datetime(df[\"dob\"])"), "\n",
                    K("digest = hashlib.sha256(row.email.encode()).hexdigest()"), "\n",
                    K(f"assert run_id == \"{v.uuid()}\""), "\n", K("print(f\"loaded {len(df):,} rows\")")], "python"


@part
def py_private_key(v: Values, c: Cast) -> Part:
    escaped = v.rng.random() < 0.5
    if escaped:
        return "record", ["{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-analytics\",\n  \"private_key_id\": \"",
                          E("SECRET", v.git_hash()), "\",\n  \"private_key\": \"", E("PRIVATE_KEY", v.private_key(True)),
                          "\\n\",\n  ", K("\"token_uri\": \"https://oauth2.googleapis.com/token\""), "\n}"], "json"
    return "code", [E("PRIVATE_KEY", v.private_key(False)), "\n"], ""
