import Testing
import WatchfloorModel

@Suite("Officers' names compared")
struct OfficerNameTests {
  @Test("case, surrounding white space and canonical equivalence do not make another officer")
  func sameOfficer() {
    #expect(OfficerName.same("alice", "Alice"))
    #expect(OfficerName.same("alice", "alice "))
    #expect(OfficerName.same("alice", "\talice\n"))
    // é precomposed (U+00E9) and e + combining acute (U+0301).
    #expect(OfficerName.same("Zoé", "zoe\u{301}"))
    #expect(OfficerName.same("علي", " علي "))
    #expect(!OfficerName.same("alice", "alicia"))
    #expect(!OfficerName.same("al ice", "alice"))
    #expect(OfficerName.key(" Layla\t") == "layla")
  }

  @Test("trimming keeps inner spaces and empties a blank name")
  func trimming() {
    #expect(OfficerName.trimmed("  noor al-huda \t") == "noor al-huda")
    #expect(OfficerName.trimmed(" \t\n") == "")
    #expect(OfficerName.trimmed("") == "")
  }

  @Test("control, format and separator characters are found; letters of any script are not")
  func forbidden() {
    #expect(OfficerName.forbiddenScalar(in: "ali\u{200B}ce")?.value == 0x200B)
    #expect(OfficerName.forbiddenScalar(in: "ali\u{202E}ce")?.value == 0x202E)
    #expect(OfficerName.forbiddenScalar(in: "ali\u{200D}ce")?.value == 0x200D)
    #expect(OfficerName.forbiddenScalar(in: "a\tb")?.value == 0x09)
    #expect(OfficerName.forbiddenScalar(in: "a\u{1B}[2Jb")?.value == 0x1B)
    #expect(OfficerName.forbiddenScalar(in: "a\u{9B}b")?.value == 0x9B)
    #expect(OfficerName.forbiddenScalar(in: "a\u{2028}b")?.value == 0x2028)
    #expect(OfficerName.forbiddenScalar(in: "a\u{FEFF}b")?.value == 0xFEFF)
    #expect(OfficerName.forbiddenScalar(in: "hassan") == nil)
    #expect(OfficerName.forbiddenScalar(in: "حسن") == nil)
    #expect(OfficerName.forbiddenScalar(in: "noor al-huda") == nil)
    #expect(OfficerName.forbiddenScalar(in: "uid:1000") == nil)
  }
}
