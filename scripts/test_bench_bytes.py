"""Where scripts/bench-bytes puts each function of the WebAssembly: run with
`python3 scripts/test_bench_bytes.py` (scripts/test does). The names are
the widget's, as twiggy prints them."""

import pathlib
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_bytes import DATA, IMPORTS, STD_ROW, Crates, row_of, project_module, clean, wasm_pieces  # noqa: E402

# Which crate depends on which, as far as these names need.
CRATES = Crates(
    project={"support_widget", "support_rules", "support_contract"},
    depends_on={
        "support_widget": {"support_rules", "support_contract", "tachys", "reactive_graph", "leptos",
                           "serde_core", "serde_json", "futures_util", "send_wrapper"},
        "support_rules": {"support_contract", "serde_core", "serde_json"},
        "support_contract": {"serde_core"},
        "serde_json": {"serde_core"},
        "tachys": {"reactive_graph", "either_of"},
        "leptos": {"tachys", "reactive_graph"},
    },
)


def place(name: str):
    """The crate row and the project module of an item."""
    row, rust = row_of(name, CRATES)
    own = row in CRATES.project
    return row, project_module(clean(name), CRATES, own=own) if rust else None


class CrateRows(unittest.TestCase):
    def test_a_derived_deserialize_is_the_crate_that_derives_it(self):
        self.assertEqual(
            place("<support_rules[836b822920002227]::escalation::guide::Guide as "
                  "serde_core[c5edb5d586433991]::de::Deserialize>::deserialize"),
            ("support_rules", "support_rules::escalation::guide"),
        )

    def test_a_library_deserializer_for_a_project_type_is_the_library(self):
        self.assertEqual(
            place("<serde_json[15b6d7346757d67c]::map::Map<alloc[8f19ec1fd5810053]::string::String, "
                  "serde_json[15b6d7346757d67c]::value::Value> as serde_core[c5edb5d586433991]::de::Deserializer>"
                  "::deserialize_any::<<support_contract[28e991d8ee1e92d2]::model::NewSupportRequest as "
                  "serde_core[c5edb5d586433991]::de::Deserialize>::deserialize::__Visitor>"),
            ("serde_json", "support_contract::model"),
        )

    def test_a_blanket_impl_for_a_closure_is_the_trait_crate(self):
        self.assertEqual(
            place("<support_widget[38a36bc390c5254d]::app::screens::__component_shown_screen::{closure#5} as "
                  "tachys[c8c116b24fd25dbb]::reactive_graph::ReactiveFunction>::invoke"),
            ("tachys", "support_widget::app::screens"),
        )

    def test_a_closure_called_through_fn_once_is_its_own_crate(self):
        self.assertEqual(
            place("<support_widget[38a36bc390c5254d]::components::service_health::__component_incident::"
                  "{closure#1}::{closure#0} as core[1b80778acbf7b3a4]::ops::function::FnOnce<"
                  "(web_sys[3eb046a2d1f4f013]::features::gen_MouseEvent::MouseEvent,)>>::call_once::{shim:vtable#0}"),
            ("support_widget", "support_widget::components::service_health"),
        )

    def test_library_code_goes_to_the_closure_it_runs_rather_than_the_helper(self):
        self.assertEqual(
            place("<futures_util[73ec7708886aac9]::abortable::Abortable<<support_widget[38a36bc390c5254d]::loaded"
                  "::InFlight>::start<<support_widget[38a36bc390c5254d]::live::Tab>::run::{closure#0}>::{closure#1}>"
                  ">::try_poll"),
            ("futures_util", "support_widget::live"),
        )

    def test_drop_glue_is_the_first_crate_beyond_the_standard_library(self):
        self.assertEqual(
            place("core[1b80778acbf7b3a4]::ptr::drop_in_place::<core[1b80778acbf7b3a4]::option::Option<"
                  "send_wrapper[e8d5a0a57ec69c32]::SendWrapper<support_contract[28e991d8ee1e92d2]::status::"
                  "StoredRequest>>>"),
            ("send_wrapper", "support_contract::status"),
        )

    def test_a_library_impl_for_a_primitive_is_the_library(self):
        self.assertEqual(
            place("<<i64 as serde_core[c5edb5d586433991]::de::Deserialize>::deserialize::PrimitiveVisitor as "
                  "serde_core[c5edb5d586433991]::de::Expected>::fmt"),
            ("serde_core", None),
        )

    def test_a_downstream_type_implementing_an_upstream_trait_is_the_downstream_crate(self):
        self.assertEqual(
            place("<serde_json[15b6d7346757d67c]::value::ser::Serializer as "
                  "serde_core[c5edb5d586433991]::ser::Serializer>::serialize_struct"),
            ("serde_json", None),
        )

    def test_the_standard_library_is_one_row(self):
        self.assertEqual(place("<str>::replace::<char>"), (STD_ROW, None))
        self.assertEqual(
            place("<alloc[8f19ec1fd5810053]::alloc::Global as core[1b80778acbf7b3a4]::alloc::Allocator>::allocate"),
            (STD_ROW, None),
        )

    def test_what_is_not_a_function_has_its_own_row(self):
        self.assertEqual(place('data segment ".rodata.7"'), (DATA, None))
        self.assertEqual(place("import ./support-widget_bg.js::__wbg_new_ba40181b3f24ac80"), (IMPORTS, None))
        self.assertEqual(place('"function names" subsection'), (None, None))


class Modules(unittest.TestCase):
    def test_a_module_stops_at_a_type_or_a_function(self):
        self.assertEqual(place("support_widget[38a36bc390c5254d]::api::submit_request")[1], "support_widget::api")
        self.assertEqual(
            place("<support_rules[836b822920002227]::journey::Journey>::moved")[1], "support_rules::journey"
        )

    def test_a_module_is_cut_at_two_below_the_crate(self):
        self.assertEqual(
            place("support_widget[38a36bc390c5254d]::components::request_form::draft_keeper::write_now")[1],
            "support_widget::components::request_form",
        )


def leb(number: int) -> bytes:
    out = bytearray()
    while True:
        byte, number = number & 0x7F, number >> 7
        out.append(byte | (0x80 if number else 0))
        if not number:
            return bytes(out)


def section(kind: int, content: bytes) -> bytes:
    return bytes([kind]) + leb(len(content)) + content


def name(text: str) -> bytes:
    return leb(len(text)) + text.encode()


class Pieces(unittest.TestCase):
    def test_the_module_without_its_names_and_where_each_item_lies(self):
        imports = section(2, leb(1) + name("./glue.js") + name("__wbg_now") + b"\x00" + leb(0))
        code = section(10, leb(1) + leb(4) + b"\x00\x41\x07\x0b")
        data = section(11, leb(1) + b"\x00\x41" + leb(16) + b"\x0b" + leb(3) + b"abc")
        names = section(
            0,
            name("name")
            + bytes([1]) + leb(len(leb(2) + leb(0) + name("now") + leb(1) + name("f")))
            + leb(2) + leb(0) + name("now") + leb(1) + name("f")
            + bytes([9]) + leb(len(leb(1) + leb(0) + name(".rodata")))
            + leb(1) + leb(0) + name(".rodata"),
        )
        header = b"\x00asm\x01\x00\x00\x00"
        pieces, shipped = wasm_pieces(header + imports + code + data + names)
        self.assertEqual(shipped, header + imports + code + data)
        self.assertEqual(
            [(item, shipped[start:end]) for item, start, end in pieces],
            [
                ("import ./glue.js::__wbg_now", name("./glue.js") + name("__wbg_now") + b"\x00\x00"),
                ("f", b"\x04\x00\x41\x07\x0b"),
                ('data segment ".rodata"', b"\x00\x41\x10\x0b\x03abc"),
            ],
        )


if __name__ == "__main__":
    unittest.main()
