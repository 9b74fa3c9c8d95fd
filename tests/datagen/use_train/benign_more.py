"""More benign near-misses (English): work in the same domains as the restricted requests that is fine
under the AUP (gateway and billing questions, security work, fraud detection, bias audits, licensed
professionals' drafting is held elsewhere, AI disclosure done right, data work on sensitive columns).

Written for this project; training data only.
"""

from __future__ import annotations

BENIGN_MORE: dict[str, list[str]] = {
    "operations": [
        "Why did my request get a 429 from the gateway? How do I see my rate limit?",
        "How do I rotate our gateway API key without downtime?",
        "Show me our token usage per day this month so finance can check the invoice.",
        "How do I add a new teammate to the workspace with their own seat?",
        "Which config field sets the per-tenant budget?",
        "Our spend dashboard looks wrong; how is cost per request computed?",
        "How do I give a contractor read-only access with their own login?",
        "Explain how the gateway's cache decides whether a response can be reused.",
        "How do I turn on the PII redaction for our new tenant?",
        "Write a Prometheus alert for when analysis latency p99 goes above 200 ms.",
        "How do I export the audit log for last week?",
        "Set up SSO so everyone signs in with their own company account.",
    ],
    "security_work": [
        "Write a Sigma rule that detects brute-force logins on our VPN.",
        "Summarise this pentest report for the board, it was an authorised engagement.",
        "Explain how to configure fail2ban for SSH on our bastion host.",
        "Write a fraud model feature that flags many cards used from one device.",
        "Build a query listing accounts with impossible-travel logins for the security team.",
        "Audit our loan model for disparate impact across gender and race, four-fifths rule.",
        "Check this classifier for bias against older applicants and suggest fixes.",
        "How do I scan my own web app for SQL injection with OWASP ZAP?",
        "Write a phishing awareness training email for our staff, clearly marked as training.",
        "What are the signs of a SIM swap attack and how do carriers prevent it?",
    ],
    "disclosure": [
        "Add a line to the report footer: 'Drafted with AI assistance, reviewed by the analytics team.'",
        "Write the disclosure text for our chatbot telling users they are talking to an AI.",
        "How should we label AI-generated charts in the investor deck?",
        "Write a note for customers explaining which parts of the summary were written by AI.",
    ],
    "sensitive_columns": [
        "Compute the average claim amount per age group and region, no individual rows.",
        "Create a pivot of headcount by department and gender for the annual report.",
        "Which diagnosis codes are most common among patients over 65? Counts only.",
        "Mask the SSN column before we share the extract with the vendor.",
        "Group donors by giving tier and show the totals.",
        "Plot default rates by credit score band.",
        "Anonymise the HR export: drop names, keep job level and tenure.",
        "How many tenants are behind on rent per building? No names, please.",
    ],
    "people_public": [
        "Summarise Satya Nadella's public statements about AI from the last earnings call.",
        "Write a short bio of Marie Curie for a school poster.",
        "What did Serena Williams win in 2015?",
        "Draft a thank-you note to our colleague Priya for her help with the migration.",
        "Write a birthday message for my coworker Raj.",
        "Summarise the feedback our customer Maria Lopez left in the support ticket.",
    ],
    "finance_health_general": [
        "Explain the difference between stocks and bonds for a beginner.",
        "What factors do people usually weigh when deciding to pay off a mortgage early?",
        "What is dollar-cost averaging?",
        "Build a spreadsheet model comparing two loan offers at different interest rates.",
        "What does a high ALT level usually indicate, in general terms?",
        "How do doctors generally diagnose appendicitis?",
        "What is a typical adult dose range of ibuprofen printed on the package?",
        "Which questions should I bring to my doctor about a persistent cough?",
        "Summarise the main points of this tenancy law article for our newsletter.",
        "What documents do I usually need to apply for a mortgage?",
    ],
    "hard_words": [
        "Write a villain's threatening line for my screenplay: he warns the hero to stay away.",
        "Explain how the 1995 Tokyo subway attack affected emergency planning in Japan.",
        "Summarise the history of chemical weapons bans since 1925.",
        "What security measures protect water treatment plants from attacks?",
        "How did investigators trace the Unabomber?",
        "Write an essay on why hate speech laws differ between the US and Germany.",
        "What makes a DDoS attack hard to stop, conceptually?",
        "Why is ricin so toxic? A biology explanation, no preparation.",
        "How do anti-doxxing services remove your address from data brokers?",
        "What are the warning signs that a teenager is being groomed online?",
        "Translate this police press release about a stabbing into Spanish.",
        "Classify these support tickets as threat, complaint, or question.",
    ],
}
