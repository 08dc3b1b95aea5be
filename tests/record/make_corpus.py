#!/usr/bin/env python3
"""Writes the bad-record corpus, tests/record/corpus/*.json, and its manifest EXPECT.

Each file is a good record (tests/record/seeds/testland-7.json, made by
  niact play --text --scenario tests/scenarios/testland --seat us=ai --seat ussr=ai:hawk \
        --seat un=ai:historical --seed 7 --record tests/record/seeds/testland-7.json)
broken in one way. EXPECT has one line per file: NAME<TAB>MODE<TAB>TEXT, where the loader
must refuse NAME with a message containing TEXT (or one of TEXT's '|'-separated
alternatives). MODE "lenient" loads with the state and content hashes ignored (so a change
to the engine or to testland does not move the error elsewhere), "hashes" with the state
hashes checked, "strict" with every check on. Run from the repository's root:
  python3 tests/record/make_corpus.py
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "seeds", "testland-7.json")
OUT = os.path.join(HERE, "corpus")

entries = []


def write(name, data, mode, expect):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    entries.append((name, mode, expect))


def dump(obj):
    return json.dumps(obj, indent=1) + "\n"


def mutate(name, fn, expect, mode="lenient"):
    rec = copy.deepcopy(base)
    fn(rec)
    write(name, dump(rec), mode, expect)


def first_order(rec, action):
    for turn in rec["turns"]:
        for ev in turn["inputs"]:
            for o in ev.get("orders", []):
                if o["action"] == action:
                    return ev, o
    raise SystemExit("no order " + action)


def setp(path, value):
    def fn(rec):
        obj = rec
        for k in path[:-1]:
            obj = obj[k]
        obj[path[-1]] = value
    return fn


def delp(path):
    def fn(rec):
        obj = rec
        for k in path[:-1]:
            obj = obj[k]
        del obj[path[-1]]
    return fn


text = open(BASE, "rb").read()
base = json.loads(text)
# The first orders event of turn 1 (negotiation may come before it).
O = next(i for i, e in enumerate(base["turns"][0]["inputs"]) if e["kind"] == "orders")

# Not JSON, or not a record at all.
write("empty.json", b"", "lenient", "empty file")
write("not_json.json", "hello, world\n", "lenient", "not valid JSON")
write("comment.json", "// a save\n" + text.decode(), "lenient", "not valid JSON")
write("nan.json", text.decode().replace('"version": 1', '"version": NaN'), "lenient",
      "not valid JSON")
write("null.json", "null\n", "lenient", "not valid JSON")
write("root_array.json", "[]\n", "lenient", "a JSON object")
write("empty_object.json", "{}\n", "lenient", "not a niact game record")
write("trailing_garbage.json", text + b"x\n", "lenient", "not valid JSON")
write("two_documents.json", text + text, "lenient", "not valid JSON")
write("bom.json", b"\xef\xbb\xbf" + text, "lenient", "not valid JSON")
write("invalid_utf8.json", text.replace(b'"seed"', b'"se\xffd"'), "lenient", "not valid JSON")
write("nul_escape.json", text.replace(b'"ai:hawk"', b'"ai:h\\u0000awk"'), "lenient",
      "not valid JSON")
write("raw_nul.json", text[:40] + b"\0" + text[40:], "lenient", "not valid JSON")
write("utf16.json", text.decode().encode("utf-16"), "lenient", "not valid JSON")

# Truncated and bit-flipped.
for cut in (1, len(text) // 3, len(text) // 2, len(text) - 3):
    write("truncated_%d.json" % cut, text[:cut], "lenient", "not valid JSON")
flipped = bytearray(text)
i = text.index(b'"format"') + 3
flipped[i] ^= 0x20
write("bitflip_key.json", bytes(flipped), "lenient", "not a niact game record")
flipped = bytearray(text)
i = text.index(b"{", 1)
flipped[i] ^= 0x01
write("bitflip_brace.json", bytes(flipped), "lenient", "not valid JSON")
h = base["turns"][2]["hash"]
write("bitflip_hash.json", text.replace(h.encode(), (h[:-1] + ("1" if h[-1] != "1" else "2")).encode()),
      "hashes", "state hash differs")
sh = base["start_hash"]
write("bitflip_start_hash.json",
      text.replace(sh.encode(), (("0" if sh[0] != "0" else "1") + sh[1:]).encode(), 1),
      "hashes", "differs")

# Deep, huge, duplicate.
write("deep_arrays.json", "[" * 100000 + "]" * 100000, "lenient", "nested too deeply")
write("deep_objects.json", '{"a":' * 5000 + "1" + "}" * 5000, "lenient", "nested too deeply")
write("deep_unclosed.json", "[" * 3000, "lenient", "nested too deeply")
write("duplicate_key.json", text.replace(b'"seed": ', b'"seed": "8",\n "seed": ', 1), "lenient",
      "duplicate")
write("duplicate_nested_key.json", text.replace(b'"id": "testland"', b'"id": "testland", "id": "x"', 1),
      "lenient", "duplicate")
write("huge_integer.json", text.replace(b'"version": 1', b'"version": 184467440737095516160000'),
      "lenient", "not valid JSON")
mutate("long_string.json", setp(["scenario", "version"], "9" * 200000), "version 99999")

# Versions and format.
mutate("format_missing.json", delp(["format"]), "not a niact game record")
mutate("format_other.json", setp(["format"], "niact-save"), "not a niact game record")
mutate("version_missing.json", delp(["version"]), "missing field \"version\"")
mutate("version_0.json", setp(["version"], 0), "version 0 is not one this build reads")
mutate("version_negative.json", setp(["version"], -1), "version -1 is not one")
mutate("version_99.json", setp(["version"], 99), "written by a newer niact")
mutate("version_string.json", setp(["version"], "1"), "\"version\" must be an integer")
mutate("version_real.json", setp(["version"], 1.0), "\"version\" must be an integer")
mutate("unknown_field.json", setp(["comment"], "hi"), "unknown field \"comment\"")

# The scenario.
mutate("scenario_missing.json", delp(["scenario"]), "missing field \"scenario\"")
mutate("scenario_other.json", setp(["scenario", "id"], "november1962"),
       "is of scenario 'november1962', not 'testland'")
mutate("scenario_version.json", setp(["scenario", "version"], "2.0"), "version 2.0")
mutate("scenario_content_hash.json", setp(["scenario", "content_hash"], "0123456789abcdef"),
       "other files of scenario", "strict")
mutate("scenario_hash_not_hex.json", setp(["scenario", "content_hash"], "xyz"),
       "16 hex digits")
mutate("scenario_path_traversal.json", setp(["scenario", "id"], "../../../../etc"),
       "not a plain name")
mutate("scenario_absolute_path.json", setp(["scenario", "id"], "/tmp/evil"), "not a plain name")
mutate("scenario_id_number.json", setp(["scenario", "id"], 7), "\"id\" must be a string")
mutate("scenario_extra_path.json", setp(["scenario", "path"], "/etc"), "unknown field \"path\"")

# Seed and seats.
mutate("seed_number.json", setp(["seed"], 7), "\"seed\" must be a string")
mutate("seed_negative.json", setp(["seed"], "-7"), "\"seed\" must be a whole number")
mutate("seed_overflow.json", setp(["seed"], "18446744073709551616"), "\"seed\" must be a whole")
mutate("seed_hex.json", setp(["seed"], "0x7"), "\"seed\" must be a whole number")
mutate("seats_array.json", setp(["seats"], ["ai", "ai", "ai"]), "\"seats\" must be an object")
mutate("seats_missing_role.json", delp(["seats", "un"]), "no seat for role 'un'")
mutate("seats_unknown_role.json", setp(["seats", "nato"], "ai"), "has no role 'nato'")
mutate("seats_bad_kind.json", setp(["seats", "us"], "robot"), "must be \"human\"")
mutate("seats_unknown_personality.json", setp(["seats", "us"], "ai:nobody"),
       "no AI personality 'nobody'")

# Turns.
mutate("turns_object.json", setp(["turns"], {}), "\"turns\" must be an array")
mutate("turn_not_object.json", setp(["turns", 1], 5), "turn 2: must be an object")
mutate("turn_numbering.json", setp(["turns", 1, "turn"], 3), "turn 2: numbered 3")
mutate("turn_hash_missing.json", delp(["turns", 0, "hash"]), "turn 1: missing field \"hash\"")
mutate("turn_hash_not_hex.json", setp(["turns", 0, "hash"], "not-a-hash-at-all"),
       "\"hash\" must be 16 hex digits")
mutate("turns_too_many.json", lambda r: r["turns"].append(copy.deepcopy(r["turns"][-1])),
       "the record has 7 turns")
mutate("inputs_not_array.json", setp(["turns", 0, "inputs"], "orders"),
       "\"inputs\" must be an array")
mutate("input_not_object.json", setp(["turns", 0, "inputs", 0], "us"),
       "turn 1, input 1: an input must be an object")
mutate("input_kind_missing.json", delp(["turns", 0, "inputs", 0, "kind"]),
       "missing field \"kind\"")
mutate("input_kind_unknown.json", setp(["turns", 0, "inputs", 0, "kind"], "bribe"),
       "unknown kind of input 'bribe'")
mutate("orders_role_unknown.json", setp(["turns", 0, "inputs", O, "role"], "nato"),
       "has no role 'nato'")
mutate("orders_twice.json", setp(["turns", 0, "inputs", O + 1, "role"], "us"),
       "a second list of orders for 'us'")
mutate("orders_missing_role.json", lambda r: r["turns"][1]["inputs"].pop(),
       "turn 2: no orders for 'un'")
mutate("orders_not_array.json", setp(["turns", 0, "inputs", O, "orders"], {"action": "wait"}),
       "\"orders\" must be an array")
mutate("order_not_object.json", setp(["turns", 0, "inputs", O, "orders", 0], "wait"),
       "an order must be an object")
mutate("order_action_index.json", setp(["turns", 0, "inputs", O, "orders", 0, "action"], 5),
       "\"action\" must be a string")
mutate("order_action_unknown.json", setp(["turns", 0, "inputs", O, "orders", 0, "action"], "nuke"),
       "has no action 'nuke'")
mutate("order_other_roles_action.json",
       setp(["turns", 0, "inputs", O, "orders", 0], {"action": "stall"}),
       "refuses the orders of 'us'")
mutate("orders_too_many.json", setp(["turns", 0, "inputs", O, "orders"], [{"action": "wait"}] * 17),
       "17 orders")
mutate("orders_over_budget.json",
       setp(["turns", 0, "inputs", O, "orders"],
            [{"action": "recon"}, {"action": "pressure", "param": 1}, {"action": "wait"},
             {"action": "pressure", "param": 2}]),
       "refuses the orders of 'us'")


def param_case(name, value, expect, drop=False):
    def fn(rec):
        ev, o = first_order(rec, "pressure")
        if drop:
            del o["param"]
        else:
            o["param"] = value
    mutate(name, fn, expect)


param_case("param_out_of_range.json", 9, "steps of 'pressure' must be 1 to 2, not 9")
param_case("param_negative_huge.json", -2**62, "must be 1 to 2")
param_case("param_string.json", "2", "needs an integer \"param\"")
param_case("param_real.json", 1.5, "needs an integer \"param\"")
param_case("param_missing.json", None, "needs an integer \"param\"", drop=True)
mutate("param_on_plain_action.json",
       setp(["turns", 0, "inputs", O, "orders", 0], {"action": "wait", "param": 1}),
       "takes no \"param\"")
mutate("order_unknown_field.json",
       setp(["turns", 0, "inputs", O, "orders", 0], {"action": "wait", "why": "x"}),
       "unknown field \"why\"")

# Negotiation.
def neg(name, event, expect):
    mutate(name, lambda r: r["turns"][0]["inputs"].insert(0, event), expect)


neg("propose_unknown_term.json", {"kind": "propose", "role": "us", "to": ["ussr"],
    "public": False, "counter_of": 0, "terms": [{"term": "moon"}]}, "has no term 'moon'")
neg("propose_to_unknown.json", {"kind": "propose", "role": "us", "to": ["nato"],
    "public": False, "counter_of": 0, "terms": []}, "must list distinct roles")
neg("propose_to_twice.json", {"kind": "propose", "role": "us", "to": ["ussr", "ussr"],
    "public": False, "counter_of": 0, "terms": []}, "must list distinct roles")
neg("propose_public_string.json", {"kind": "propose", "role": "us", "to": ["ussr"],
    "public": "no", "counter_of": 0, "terms": []}, "\"public\" must be true or false")
neg("propose_too_many_terms.json", {"kind": "propose", "role": "us", "to": ["ussr"],
    "public": False, "counter_of": 0, "terms": [{"term": "moon"}] * 7}, "7 terms")
neg("answer_no_proposal.json", {"kind": "answer", "role": "ussr", "proposal": 77,
    "accept": True}, "refuses the answer of 'ussr'")
neg("answer_proposal_zero.json", {"kind": "answer", "role": "ussr", "proposal": 0,
    "accept": True}, "must be a proposal number")
neg("answer_accept_number.json", {"kind": "answer", "role": "ussr", "proposal": 1,
    "accept": 1}, "\"accept\" must be true or false")
neg("withdraw_no_proposal.json", {"kind": "withdraw", "role": "us", "proposal": 5},
    "refuses the withdrawal of 'us'")
neg("telegram_too_long.json", {"kind": "telegram", "role": "us", "to": ["ussr"],
    "text": "x" * 5000}, "at most")
neg("telegram_text_number.json", {"kind": "telegram", "role": "us", "to": ["ussr"],
    "text": 5}, "\"text\" must be a string")

# The turn under way and the outcome.
mutate("current_after_end.json", setp(["current"], {"turn": 7, "inputs": []}),
       "the game had already ended")
mutate("outcome_wrong.json", setp(["outcome"], "war"), "outcome is 'war'|state hash differs",
       "hashes")
mutate("outcome_missing.json", delp(["outcome"]), "missing field \"outcome\"")


def partial(rec):
    rec["turns"] = rec["turns"][:2]
    rec["outcome"] = "running"
    rec["current"] = {"turn": 4, "inputs": []}


mutate("current_wrong_turn.json", partial, "numbered 4, but 2 turns came before it")

with open(os.path.join(OUT, "EXPECT"), "w") as f:
    f.write("# NAME<TAB>MODE<TAB>the loader's message contains this (make_corpus.py)\n")
    for name, mode, expect in entries:
        f.write("%s\t%s\t%s\n" % (name, mode, expect))
print("%d files in %s" % (len(entries), OUT))
