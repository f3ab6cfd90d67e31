#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The account the process runs as, from the system's user database.
///
/// The officer is who the kernel says runs the process (the effective uid), never what the
/// environment claims: `$USER`, `$LOGNAME` and `$HOME` are set by the caller and prove
/// nothing.
public enum SystemAccount {
  /// The effective uid's name from the user database (`getpwuid_r`), or `uid:N` when the uid
  /// has no entry or the entry has no usable name.
  public static func currentName() -> String {
    name(of: geteuid())
  }

  /// The name of `uid` in the user database, or `uid:N`.
  public static func name(of uid: uid_t) -> String {
    var entry = passwd()
    var found: UnsafeMutablePointer<passwd>?
    var size = 1024
    while size <= 1 << 20 {
      let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
      defer { buffer.deallocate() }
      let code = getpwuid_r(uid, &entry, buffer, size, &found)
      if code == ERANGE {
        size *= 2
        continue
      }
      guard code == 0, found != nil, let raw = entry.pw_name else { break }
      let name = String(cString: raw)
      guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
      else { break }
      return name
    }
    return "uid:\(uid)"
  }
}
