"""Operational text: HTTP requests, command lines, logs and stack traces, code with hard-coded credentials."""

from __future__ import annotations

from tests.datagen.blind_pii4.builder import Builder, V
from tests.datagen.blind_pii4.keeps import IDENTIFIERS
from tests.datagen.blind_pii4.kit import Kit
from tests.datagen.blind_pii4.secret_values import pem_parts


def http_request(b: Builder, k: Kit) -> None:
    _, jwt = k.secret(["jwt"])
    name, sec = k.secret()
    b.add(k.ph(["Why does this return 401?\n\nGET /v2/customers?email=<<ue>>&phone=<<ph>> HTTP/1.1\nHost: api.example.org\n"
                "Authorization: Bearer <<jwt>>\nX-Api-Key: <<s>>\nCookie: session=<<cookie>>; theme=dark\n"
                "X-Request-Id: <<u>>\n",
                "curl -s 'https://api.example.org/search?q=<<ue>>&ssn=<<ssn>>' -H 'Authorization: Bearer <<jwt>>' "
                "-H '<<hk>>: <<s>>' -b 'sid=<<cookie>>'  # request <<u>>"],
               ["HAR excerpt, what is the CORS problem?\nPOST https://app.example.net/login?next=%2Fhome&user=<<ue>>\n"
                "cookie: auth_token=<<jwt>>; lang=en\nx-forwarded-for: <<ip>>\n<<hk>>: <<s>>\ntrace: <<u>>\n",
                "fetch('https://api.example.net/v1/me?access_token=<<jwt>>&u=<<ue>>', {headers: {'<<hk>>': '<<s>>', "
                "'X-Client-IP': '<<ip>>'}}) // id <<u>>"]),
          ue=k.url_email(), ph=k.phone(), jwt=jwt, s=sec, hk="X-" + name.title().replace("_", "-"),
          cookie=k.secret(["jwt"])[1], u=k.uuid(), ssn=k.ssn(), ip=k.ip())


def cli_line(b: Builder, k: Kit) -> None:
    name, sec = k.secret()
    b.add(k.ph(["explain the flags: mysql -h db.internal -u admin --password='<<pw>>' -e \"<<kw>>\"; "
                "then aws configure set aws_secret_access_key <<aws>>",
                "why does this hang?\n$ psql \"postgresql://report:<<up>>@10.1.2.3/sales\" -c 'select 1'\n"
                "$ <<key>>=<<s>> ./sync --owner <<e>> --since <<ts>>"],
               ["shell history, anything dangerous?\n  501  docker login -u ci -p '<<pw>>' registry.example.com\n"
                "  502  export <<key>>=<<s>>\n  503  git log <<cm>>..HEAD\n  504  ssh deploy@<<ip>>",
                "make this a Makefile target: ./bin/notify --to=<<e>> --token=<<s>> --retry=<<rng>> "
                "--db-pass=\"<<pw>>\" --aws-secret=<<aws>>"]),
          pw=k.password(), kw=k.of(IDENTIFIERS), aws=k.secret(["aws_secret_access_key"])[1], up=k.url_password(),
          key=name, s=sec, e=k.email(), ts=k.ts(), ip=k.ipv4(), rng=k.range_(), cm=k.commit())


def log_lines(b: Builder, k: Kit) -> None:
    name, sec = k.secret()
    b.add(k.ph(["Why do these fail?\n<<ts>> INFO  login ok user=<<e>> ip=<<ip>>\n<<ts2>> ERROR payment declined "
                "card=<<c>> name=\"<<n>>\"\n<<ts2>> WARN  retry token=<<s>> attempt=3\n<<ts2>> DEBUG ssn=<<ssn>> "
                "verified=false",
                "group these log lines by error:\n[<<ts>>] level=error msg=\"kyc failed\" customer=<<n>> "
                "dob=<<dob>> iban=<<iban>>\n[<<ts2>>] level=warn msg=\"auth\" <<lkey>>=<<s>> src=<<ip>>"],
               ["nginx + app log, find the bug:\n<<ip>> - - [<<ts>>] \"GET /reset?email=<<ue>> HTTP/2\" 500\n"
                "app | <<ts2>> | charge failed for <<n>> pan=<<c>>\napp | <<ts2>> | using <<lkey>>=<<s>>",
                "journalctl output:\n<<ts>> host api[311]: card=<<c>>,<<c2>> user=<<n>>\n<<ts2>> host api[311]: "
                "ssn=<<ssn>> phone=<<ph>>\n<<ts2>> host api[311]: <<key>>=<<s>>"]),
          ts=k.ts(), ts2=k.ts(), e=k.email(), ip=k.ip(), c=k.card(), c2=k.card(), n=k.person(), s=sec,
          ssn=k.ssn(), dob=k.dob(), iban=k.iban(), lkey=name.lower(), key=name, ue=k.url_email(), ph=k.phone())


def stack_trace(b: Builder, k: Kit) -> None:
    b.add(k.ph(["What causes this?\nTraceback (most recent call last):\n  File \"app/billing.py\", line 88, in <<fn>>\n"
                "    charge(card=\"<<c>>\", holder=\"<<n>>\")\nValueError: customer <<e>> has no IBAN (got '<<bi>>')",
                "Java stack:\nException in thread \"main\" java.lang.IllegalStateException: user <<n>> "
                "(<<e>>) phone <<ph>>\n\tat com.example.<<fn>>(Service.java:42)\n\tat com.example.Main.run(Main.java:7)"],
               ["node crash:\nTypeError: Cannot read properties of undefined (reading 'iban')\n    at <<fn>> "
                "(/srv/app/pay.js:19:7)\n    context: {holder: '<<n>>', iban: '<<iban>>', email: '<<e>>'}",
                "Go panic, help:\npanic: invalid card \"<<c>>\" for <<n>> <<<e>>>\n\ngoroutine 1 [running]:\n"
                "main.<<fn>>(...)\n\t/app/main.go:31 +0x1d"]),
          fn=k.of(IDENTIFIERS), c=k.card(), n=k.person(), e=k.email(), bi=k.bad_number(), ph=k.phone(), iban=k.iban())


def code_credentials(b: Builder, k: Kit) -> None:
    n1, s1 = k.secret()
    n2, s2 = k.secret()
    pw = k.password()
    b.add(k.ph(["Refactor this to read from env:\n```python\nimport requests\n<<k1>> = \"<<s1>>\"\n"
                "<<k2>> = '<<s2>>'\nDB = {\"user\": \"svc\", \"password\": \"<<pw>>\"}\ndef <<fn>>():\n"
                "    return requests.get(URL, headers={\"Authorization\": f\"Bearer {<<k1>>}\"})\n```",
                "```js\nconst client = new Client({ apiKey: \"<<s1>>\", secret: '<<s2>>' });\n"
                "const admin = { user: \"root\", pass: \"<<pw>>\" };\nexport function <<fn>>() {}\n```\nconvert to TS"],
               ["Go code review:\n```go\nconst <<k1>> = \"<<s1>>\"\nvar cfg = Config{Token: \"<<s2>>\", Password: "
                "\"<<pw>>\"}\nfunc <<fn>>() error { return nil }\n```",
                "```java\nprivate static final String <<k1>> = \"<<s1>>\";\nString <<lk2>> = \"<<s2>>\";\n"
                "props.put(\"mail.smtp.password\", \"<<pw>>\"); // <<fn>>\n```\nwhat does this class do?"]),
          k1=n1, s1=s1, k2=n2, lk2=n2.lower(), s2=s2, pw=pw, fn=k.of(IDENTIFIERS))


def private_key(b: Builder, k: Kit) -> None:
    head, body, tail = pem_parts(k.rng)
    b.add(k.ph(["ssh says 'invalid format' for this key, why?\n<<h>><<key>><<t>>\n",
                "is this key encrypted?\n\n<<h>><<key>><<t>>"],
               ["which algorithm is this?\n```\n<<h>><<key>><<t>>\n```", "paste:\n<<h>><<key>><<t>>\n(openssl complains)"]),
          h=head, key=V("SECRET", body, family="private_key", disguise=""), t=tail)


OPS = [http_request, cli_line, log_lines, stack_trace, code_credentials, private_key]
