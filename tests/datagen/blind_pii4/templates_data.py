"""Structured text: SQL with literals, CSV and markdown tables, JSON, YAML, TOML and .env configs."""

from __future__ import annotations

from tests.datagen.blind_pii4.builder import Builder, K
from tests.datagen.blind_pii4.keeps import BRANDS, IDENTIFIERS, SQL_WORDS, version
from tests.datagen.blind_pii4.kit import Kit


def sql_literals(b: Builder, k: Kit) -> None:
    b.add(k.ph(["Why is this slow? (no <<kw>> allowed)\nSELECT c.id, c.full_name, o.total FROM customers c JOIN orders o ON o.cid = c.id "
                "WHERE c.email = '<<e>>' OR c.full_name = '<<n>>' OR c.phone = '<<ph>>';",
                "Fix the syntax error:\nINSERT INTO patients (name, ssn, dob, ip) VALUES ('<<n>>', '<<ssn>>', "
                "'<<dob>>', '<<ip>>')\n-- followed by a <<kw>> query"],
               ["explain this query plan issue\n\nUPDATE accounts SET iban = '<<iban>>', owner = '<<n>>' "
                "WHERE owner_email = '<<e>>';  -- then <<kw>> over region",
                "Rewrite with CTEs and <<kw>>: SELECT * FROM users u WHERE u.name IN ('<<n>>', '<<n2>>') AND "
                "u.last_ip = '<<ip>>' AND u.card = '<<c>>'"]),
          kw=k.of(SQL_WORDS), e=k.email(), n=k.person(), n2=k.given(), ph=k.phone(), ssn=k.ssn(), dob=k.dob(),
          ip=k.ip(), iban=k.iban(), c=k.card())


def csv_table(b: Builder, k: Kit) -> None:
    rows = k.rng.randint(2, 4)
    header = k.ph(["name,email,phone,card", "full_name;e-mail;mobile;cc_number"],
                  ["customer|contact|tel|pan", "Name\tEmail\tPhone\tCard"])
    sep = "," if "," in header else ";" if ";" in header else "|" if "|" in header else "\t"
    body = "\n".join(sep.join([f"<<n{i}>>", f"<<e{i}>>", f"<<p{i}>>", f"<<c{i}>>"]) for i in range(rows))
    slots: dict[str, object] = {}
    for i in range(rows):
        slots |= {f"n{i}": k.person() if i % 2 == 0 else k.surname(), f"e{i}": k.email(), f"p{i}": k.phone(),
                  f"c{i}": k.card()}
    intro = k.ph(["Dedupe these rows and tell me which are the same person:", "Convert to JSON lines:"],
                 ["Find rows with a malformed phone:", "Sort by name, keep the header:"])
    b.add(intro + "\n" + header + "\n" + body + "\n<<tail>>", tail=k.keep(), **slots)  # type: ignore[arg-type]


def markdown_table(b: Builder, k: Kit) -> None:
    rows = k.rng.randint(2, 3)
    head = k.ph(["| Name | Role | IBAN | Order |\n|---|---|---|---|", "| Employee | Title | Account | Ref |\n|:--|:--|:--|:--|"],
                ["| Contact | Position | Bank (IBAN) | Ticket |\n| --- | --- | --- | --- |",
                 "|Person|Job|IBAN|Ref|\n|-|-|-|-|"])
    body = "\n".join(f"| <<n{i}>> | <<t{i}>> | <<i{i}>> | <<o{i}>> |" for i in range(rows))
    slots: dict[str, object] = {}
    for i in range(rows):
        slots |= {f"n{i}": k.person(), f"t{i}": k.word(), f"i{i}": k.iban(), f"o{i}": k.order()}
    b.add(k.ph(["Add a column with the bank country:\n\n", "Render this as HTML:\n\n"],
               ["Which rows share a bank?\n", "Check every IBAN in this table:\n"]) + head + "\n" + body,
          **slots)  # type: ignore[arg-type]


def json_config(b: Builder, k: Kit) -> None:
    name, sec = k.secret()
    b.add(k.ph(['Validate this JSON:\n{\n  "user": {"name": "<<n>>", "email": "<<e>>", "phone": "<<ph>>"},\n'
                '  "vendor": {"name": "<<br>>"},\n  "credentials": {"<<key>>": "<<s>>"},\n  "request_id": "<<u>>"\n}',
                'why does jq fail on {"customer":"<<n>>","dob":"<<dob>>","card":"<<c>>","api":{"<<key>>":"<<s>>"},'
                '"trace":"<<u>>"'],
               ['Pretty-print: {"owner":{"displayName":"<<n>>","mail":"<<e>>"},"integration":"<<br>>",'
                '"env":{"<<key>>":"<<s>>"},"build":"<<u>>","mobile":"<<ph>>"}',
                'Convert to YAML:\n[{"id":"<<u>>","name":"<<n>>","birthDate":"<<dob>>","pan":"<<c>>",'
                '"secrets":{"<<key>>":"<<s>>"}}]']),
          n=k.person(), e=k.email(), ph=k.phone(), br=k.of(BRANDS), key=name.lower(), s=sec, u=k.uuid(),
          dob=k.dob(), c=k.card())


def yaml_config(b: Builder, k: Kit) -> None:
    name, sec = k.secret()
    b.add(k.ph(["Review this compose file:\nservices:\n  api:\n    image: registry.local/api:<<ver>>\n    environment:\n"
                "      <<key>>: <<s>>\n      DB_PASSWORD: \"<<pw>>\"\n      ADMIN_EMAIL: <<e>>\n",
                "helm values, anything insecure?\nauth:\n  secret: '<<s>>'\n  adminPassword: \"<<pw>>\"\n"
                "contact:\n  name: <<n>>\n  mail: <<e>>\nimage:\n  tag: \"<<ver>>\"\n"],
               ["k8s secret (stringData) — is the indentation right?\napiVersion: v1\nkind: Secret\nstringData:\n"
                "  <<lkey>>: <<s>>\n  password: '<<pw>>'\n  owner: <<n>> <<<e>>>\nmetadata:\n  labels:\n"
                "    version: <<ver>>\n",
                "GitHub Actions step fails:\n- name: deploy\n  env:\n    <<key>>: <<s>>\n    SMTP_PASS: \"<<pw>>\"\n"
                "    NOTIFY: <<e>>\n  run: ./deploy.sh --tag <<ver>>\n"]),
          key=name, lkey=name.lower(), s=sec, pw=k.password(), e=k.email(), n=k.person(), ver=K(version(k.rng)))


def toml_env(b: Builder, k: Kit) -> None:
    n1, s1 = k.secret()
    n2, s2 = k.secret()
    b.add(k.ph(["My .env doesn't load, why?\n<<k1>>=<<s1>>\n<<k2>>=\"<<s2>>\"\nDATABASE_URL=postgres://app:<<up>>@db:5432/app\n"
                "SUPPORT_EMAIL=<<e>>\nLOG_LEVEL=debug\n<<ident>>=true\n",
                "pyproject/settings.toml:\n[service]\nname = \"<<br>>-sync\"\n[service.auth]\n<<lk1>> = \"<<s1>>\"\n"
                "<<lk2>> = '<<s2>>'\npassword = \"<<pw>>\"\n[owner]\nname = \"<<n>>\"\n"],
               ["export <<k1>>='<<s1>>'\nexport <<k2>>=<<s2>>\nexport PGPASSWORD='<<pw>>'\n# owner: <<n>>\n"
                "why is my shell script leaking env vars to child processes?",
                "Cargo-style config, what does each key do?\n[registries.<<lbr>>]\ntoken = \"<<s1>>\"\n[env]\n"
                "<<k2>> = { value = \"<<s2>>\", force = true }\nREDIS_URL = \"redis://default:<<up>>@cache:6379\"\n"
                "<<ident>> = 1\n"]),
          k1=n1, s1=s1, k2=n2, s2=s2, lk1=n1.lower(), lk2=n2.lower(), up=k.url_password(), e=k.email(),
          ident=k.of(IDENTIFIERS), br=k.of(BRANDS), lbr=k.of(BRANDS).text.lower().replace(" ", "-"), pw=k.password(),
          n=k.person())


DATA = [sql_literals, csv_table, markdown_table, json_config, yaml_config, toml_env]
