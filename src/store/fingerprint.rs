//! The fingerprint of a file's content, to tell whether someone else changed it; and the
//! short digest that names recovery files.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// The fingerprint of a file's content, to tell whether someone else changed it: its length
/// and its BLAKE3 digest. A cryptographic digest, because a small edit made behind the app's
/// back must never look unchanged (the 64-bit FNV used before took "A preliminary version"
/// and "A preliminarc versioh" for the same text, and a save overwrote the edit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    len: u64,
    digest: [u8; 32],
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint::of_parts(&[bytes])
    }

    /// The fingerprint of `parts` joined, without joining them.
    pub fn of_parts(parts: &[&[u8]]) -> Fingerprint {
        let mut hasher = blake3::Hasher::new();
        parts.iter().for_each(|part| {
            hasher.update(part);
        });
        let len = parts.iter().map(|p| p.len() as u64).sum();
        Fingerprint { len, digest: *hasher.finalize().as_bytes() }
    }

    /// The fingerprint of a file's content, read a block at a time, so that checking a
    /// large file does not hold it in memory.
    pub fn of_file(path: &Path) -> io::Result<Fingerprint> {
        let mut file = fs::File::open(path)?;
        let len = file.metadata()?.len();
        let mut hasher = blake3::Hasher::new();
        let mut block = vec![0; 1 << 18];
        let mut read = 0;
        loop {
            match file.read(&mut block) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&block[..n]);
                    read += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        if read != len {
            return Err(io::Error::other("the file changed while it was read"));
        }
        Ok(Fingerprint { len, digest: *hasher.finalize().as_bytes() })
    }

    /// How many bytes the content has.
    pub fn len(self) -> u64 {
        self.len
    }

    /// Whether the content is empty.
    pub fn is_empty(self) -> bool {
        self.len == 0
    }
}

/// Written where a file records what another held (a recovery journal's base): the digest
/// in hexadecimal and the length, `blake3:<hex>:<length>`.
impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "blake3:{}:{}", blake3::Hash::from_bytes(self.digest).to_hex(), self.len)
    }
}

/// A short, stable name for a text (a report's full path), as recovery files are named: the
/// 64-bit FNV digest earlier versions used for fingerprints, kept so that a newer build still
/// finds the recovery files an older one wrote. Only a name: never used to tell contents
/// apart.
pub fn name_id(bytes: &[u8]) -> u64 {
    let mut digest = Digest::new(bytes.len() as u64);
    digest.update(bytes);
    digest.finish()
}

/// FNV-1a over 8-byte words of bytes given in any number of slices: a word that straddles
/// two of them is gathered in `pending`.
struct Digest {
    hash: u64,
    pending: [u8; 8],
    filled: usize,
}

impl Digest {
    const PRIME: u64 = 0x0100_0000_01b3;

    /// The length comes first, so that it is part of every fingerprint.
    fn new(len: u64) -> Digest {
        Digest { hash: 0xcbf2_9ce4_8422_2325 ^ len, pending: [0; 8], filled: 0 }
    }

    fn word(&mut self, word: [u8; 8]) {
        self.hash = (self.hash ^ u64::from_le_bytes(word)).wrapping_mul(Digest::PRIME);
    }

    fn update(&mut self, mut bytes: &[u8]) {
        if self.filled > 0 {
            let take = bytes.len().min(8 - self.filled);
            self.pending[self.filled..self.filled + take].copy_from_slice(&bytes[..take]);
            self.filled += take;
            bytes = &bytes[take..];
            if self.filled < 8 {
                return;
            }
            self.word(self.pending);
        }
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(word);
            self.word(buf);
        }
        let rest = words.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    fn finish(self) -> u64 {
        let mut hash = self.hash;
        for &byte in &self.pending[..self.filled] {
            hash = (hash ^ u64::from(byte)).wrapping_mul(Digest::PRIME);
        }
        // Spread the last words' bits over the whole value.
        hash ^= hash >> 32;
        hash = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        hash ^ (hash >> 29)
    }
}

#[cfg(test)]
mod tests {
    use super::{Fingerprint, name_id};

    #[test]
    fn a_fingerprint_of_parts_is_that_of_the_parts_joined_wherever_they_are_cut() {
        let text: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(37)).collect();
        for a in 0..=text.len() {
            for b in a..=text.len() {
                let parts = [&text[..a], &text[a..b], &[][..], &text[b..]];
                assert_eq!(
                    Fingerprint::of_parts(&parts),
                    Fingerprint::of(&text),
                    "cut at {a}, {b}"
                );
            }
        }
        assert_ne!(Fingerprint::of(b"ab"), Fingerprint::of(b"ba"));
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("text");
        let long: Vec<u8> = text.iter().copied().cycle().take(700_001).collect();
        std::fs::write(&file, &long).unwrap();
        assert_eq!(Fingerprint::of_file(&file).unwrap(), Fingerprint::of(&long));
    }

    #[test]
    fn names_stay_what_earlier_versions_computed() {
        // They name recovery files, which a newer build must still find.
        let text = b"Statistical Conference of the Americas";
        assert_eq!(name_id(text), 0x6c23_2ee3_7463_4aff);
        assert_eq!(name_id(b""), 0x8570_e250_fe4c_2473);
    }

    #[test]
    fn an_edit_that_fooled_the_old_digest_changes_the_fingerprint() {
        // In the shipped report as it was first shipped, this edit kept the old 64-bit
        // digest as it was.
        let shipped = crate::generate::first_shipped_text().unwrap();
        let before = shipped.as_bytes();
        let edited = shipped.replacen("A preliminary version", "A preliminarc versioh", 1);
        let after = edited.as_bytes();
        assert_ne!(before, after);
        assert_eq!(name_id(before), name_id(after), "the pair the old digest took as one");
        assert_ne!(Fingerprint::of(before), Fingerprint::of(after));
        assert_ne!(Fingerprint::of(b"ab"), Fingerprint::of(b"ab\0"));
        assert_eq!(Fingerprint::of(b"abc").len(), 3);
    }
}
