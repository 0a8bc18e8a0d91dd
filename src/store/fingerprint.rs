//! The fingerprint of a file's content, to tell whether someone else changed it.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// A digest of a file's bytes, to tell whether someone else changed it: FNV-1a taken over
/// 8-byte words (eight times the speed of byte by byte, and any one changed word changes
/// it), with a final mix. It is stable across builds, so it can also name files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint(u64);

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint::of_parts(&[bytes])
    }

    /// The fingerprint of `parts` joined, without joining them.
    pub fn of_parts(parts: &[&[u8]]) -> Fingerprint {
        let mut digest = Digest::new(parts.iter().map(|p| p.len() as u64).sum());
        parts.iter().for_each(|part| digest.update(part));
        digest.finish()
    }

    /// The fingerprint of a file's content, read a block at a time, so that checking a
    /// large file does not hold it in memory.
    pub fn of_file(path: &Path) -> io::Result<Fingerprint> {
        let mut file = fs::File::open(path)?;
        let len = file.metadata()?.len();
        let mut digest = Digest::new(len);
        let mut block = vec![0; 1 << 18];
        let mut read = 0;
        loop {
            match file.read(&mut block) {
                Ok(0) => break,
                Ok(n) => {
                    digest.update(&block[..n]);
                    read += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        if read != len {
            return Err(io::Error::other("the file changed while it was read"));
        }
        Ok(digest.finish())
    }

    pub fn value(self) -> u64 {
        self.0
    }
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

    fn finish(self) -> Fingerprint {
        let mut hash = self.hash;
        for &byte in &self.pending[..self.filled] {
            hash = (hash ^ u64::from(byte)).wrapping_mul(Digest::PRIME);
        }
        // Spread the last words' bits over the whole value.
        hash ^= hash >> 32;
        hash = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        Fingerprint(hash ^ (hash >> 29))
    }
}

#[cfg(test)]
mod tests {
    use super::Fingerprint;

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
    fn fingerprints_stay_what_earlier_versions_computed() {
        // They name recovery files, which a newer build must still find.
        let text = b"Statistical Conference of the Americas";
        assert_eq!(Fingerprint::of(text).value(), 0x6c23_2ee3_7463_4aff);
        assert_eq!(Fingerprint::of(b"").value(), 0x8570_e250_fe4c_2473);
    }
}
