"""Everyday prose for the third round of NER fine-tuning on person names (`person_ner_data`), written here.

The first two rounds taught names in records, forms, mails and short requests; what the tuned model
still misses most is names in the running prose an assistant's user writes about their own life and
work: a name as the subject or the object of an everyday verb, in a long sentence beside places,
companies and dates, in lower case, with initials or a title before it. These shapes are written
from how people write (not from presidio-research, Presidio's tests, the blind sets or the names dev
set's templates). Placeholders as in `person_ner_templates`, and: {I} an initial and a surname
("J. Kovács"), {Q} a title and a full name ("Dr. Anna Kovács": the title is no part of the name),
{g} another given name in lower case. TRAIN_* and DEV_* never share a template.
"""

from __future__ import annotations

TRAIN_PROSE_NAMED = [
    # a name as the subject of an everyday verb, in a long sentence with places and organisations
    "{N} drove from {city} to {city2} on Sunday and only got home after midnight.",
    "Last spring {N} bought the old bakery on the corner and turned it into a bookshop.",
    "When {N} was twelve, the family left {country} and settled in a small town near {city}.",
    "{N} lost her passport at the airport in {city} and spent the day at the embassy.",
    "My grandfather {N} was born in {city} in 1931 and worked for {company} for forty years.",
    "{F} borrowed my bike last week and still hasn't given it back.",
    "Apparently {L} has been telling everyone at {company} that the project is cancelled.",
    "{N} and {M} opened a restaurant in {city} after they both quit their jobs at {company}.",
    "During the trip to {country}, {F} got food poisoning and {G} had to take over the tour.",
    "{N}'s flight from {city} lands at six, so {F} will pick him up at the airport.",
    "{F} said {G} would handle the invoices while {L} is on holiday in {country}.",
    "Our accountant, {N}, thinks we can deduct the trip to {city} as a business expense.",
    # a name as the object: of a verb, a preposition, a request
    "I ran into {N} at the supermarket and she told me about her new job at {company}.",
    "We invited {N} to the wedding but she couldn't come because of work in {city}.",
    "Can you remind {F} to bring the signed forms to the {city} branch tomorrow?",
    "The doctor told {N} to rest for two weeks before going back to work.",
    "I'm making a birthday card for {F}; she turns forty on Saturday.",
    "Could you help me write a reference letter for {N}, who worked for us as a {job} for three years?",
    "We hired {N} to redesign the garden, and honestly the result is beautiful.",
    "Send {F} my love and tell {G} I said hello.",
    "I have to give a speech at the wedding of {F} and {G} next {month} in {city}.",
    "Is it rude to ask {F} to pay back the money I lent her in {month}?",
    "Summarise the complaint that {N} sent to {company} about the broken washing machine.",
    "Translate my message to {F} into French: the keys are under the mat.",
    "Please book a table for four under the name {N} for Friday evening.",
    "I need to cancel my mother's appointment; her name is {N} and she was booked for Tuesday.",
    "The police report lists {N} as the driver and {M} as the passenger.",
    "Between you and me, I don't trust {L} with the budget anymore.",
    "A woman called {N} phoned this morning asking about the flat in {city}.",
    "He introduced himself as {N}, an old friend of {M} from university in {city}.",
    # family, neighbours, colleagues: a relation word, then the name
    "My sister {F} just moved to {country} with her husband {G} and their two kids.",
    "Our neighbour {N} has been watering the plants while we are away in {country}.",
    "My daughter {F} starts at the primary school in {city} this autumn.",
    "Uncle {F} is visiting from {country} for two weeks, so the guest room is taken.",
    "My boss {N} wants the slides by Thursday, but {F} still hasn't sent the figures.",
    "I went to school with {N}; we both grew up near {city}.",
    # titles and initials
    "{I} signed the lease on behalf of {company} and sent the keys to {city}.",
    "The paper was written by {I} and {N}, with comments from {Q}.",
    "{Q} will chair the morning session in {city}, followed by a panel with {N}.",
    "Please thank {P} for the flowers she sent to the hospital.",
    "Professor {L} from the university in {city} agreed to review the thesis.",
    "Coach {L} kept three players on the bench after the defeat in {city}.",
    "Yesterday {Q} confirmed that the surgery can go ahead in {month}.",
    # lower case, as people type in a hurry
    "i told {f} the meeting with {company} got pushed to next week",
    "{n} is my landlord and he won't give back the deposit, what can i do",
    "so yesterday {f} and {g} showed up an hour late to the party lol",
    "can you write something nice for {n}, she's retiring after 30 years",
    "me and {f} are thinking of moving to {city}, is it expensive?",
    # single names and surnames alone, inside longer sentences
    "We were all waiting outside when {F} finally arrived with the tickets.",
    "If {L} signs today, the money should reach {company} before the weekend.",
    "I asked {F} twice, but nobody at the {city} office seems to know where the parcel is.",
    "The kids adore {F}, who has been babysitting for us since {month}.",
]

DEV_PROSE_NAMED = [
    "After the storm {N} spent the whole weekend clearing the road to {city}.",
    "My colleague {F} keeps forgetting to lock the office at night.",
    "i met {n} at the gym and she wants to join our running club",
    "The contract was signed by {I} for {company} and witnessed by {Q}.",
    "Can you write a toast for {F} and {G}, who met while studying in {city}?",
    "{N} has rented the flat in {city} since 2018 and never missed a payment.",
    "Ask {L} whether the quote from {company} includes delivery to {country}.",
    "Our son {F} got into the music school in {city}, we are so proud.",
    "The insurer says {N} was the owner of the car when the accident happened.",
    "{Q} examined the patient and sent her to the hospital in {city}.",
]

TRAIN_PROSE_CLEAN = [
    "The train from {city} to {city2} was delayed by two hours because of the storm.",
    "We spent a week in {country} and loved the food, especially in {city}.",
    "The {org} said on Tuesday that prices in {country} rose faster than expected.",
    "My flight to {city} leaves at seven, so I need to be at the airport by five.",
    "Ask the front desk at the {city} office for a visitor badge.",
    "Is it cheaper to take the ferry or the train from {city} to {city2}?",
    "The museum in {city} is closed on Mondays and for most of {month}.",
    "Our supplier, {company}, ships from {country} to every store in {city}.",
    "I bought the {product} in {city}, but the warranty only covers {country}.",
    "The new {job} at {company} starts in {month} and reports to the board.",
    "Thanks again for helping with the move to {city}; the flat is finally ready.",
    "i think the {brand} app logged me out again, can you help",
    # capitalised words that are no people, in the same everyday sentences (the third round's first try
    # without these took more of them for people)
    "We drove from {city} to {city2} on Sunday and only got home after midnight.",
    "Last spring we bought the old bakery near {city} and turned it into a bookshop.",
    "When I was twelve, my family left {country} and settled in a small town near {city}.",
    "I lost my passport at the airport in {city} and spent the day at the embassy.",
    "My grandfather worked for {company} in {city} for forty years.",
    "Apparently everyone at {company} thinks the project is cancelled.",
    "During the trip to {country} I got food poisoning and missed the tour.",
    "My flight from {city} lands at six, so can you pick me up at the airport?",
    "I ran into an old friend at the supermarket and she told me about her new job at {company}.",
    "Can you remind the team to bring the signed forms to the {city} branch tomorrow?",
    "I'm making a birthday card for my sister; she turns forty on Saturday.",
    "Summarise the complaint we sent to {company} about the broken washing machine.",
    "Please book a table for four on Friday evening at the Italian place near {city} station.",
    "My sister just moved to {country} with her husband and their two kids.",
    "Our neighbour has been watering the plants while we are away in {country}.",
    "The kids start at the primary school in {city} this autumn.",
    "Is it rude to ask for the money back that I lent in {month}?",
    "The {org} confirmed on Monday that the border with {country} will reopen in {month}.",
    "Christmas in {city} was cold, but New Year's Eve on the beach in {country} made up for it.",
    "We watched the Champions League final at a bar in {city} with people from the {company} office.",
    "The Red Line was closed, so I walked from Central Station to the {city} Museum of Art.",
    "i told my boss the meeting with {company} got pushed to next week",
    "so yesterday we showed up an hour late to the party in {city} lol",
    "me and my brother are thinking of moving to {city}, is it expensive?",
    "Is {product} worth it, or should I wait for the next one from {brand}?",
    "My {product} stopped charging after the update, and {brand} support in {country} won't reply.",
    "The Spanish and German versions of the contract differ; the English one from {company} is binding.",
    "Every Thursday the Farmers Market opens on Main Street and the Old Town Hall hosts a concert.",
]

DEV_PROSE_CLEAN = [
    "The ferry from {city} to {city2} only runs in summer.",
    "Prices at the {company} store in {city} went up again in {month}.",
]
