//! A tiny tokenizer shared by the hours and eligibility readers.
//!
//! Text becomes words (lower-cased), whole numbers and single punctuation
//! characters, each with its byte span in the source so that a reader can
//! quote exactly the words it read (evidence) and check adjacency ("8:30"
//! versus "Monday: 8").

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and apostrophes inside a word), lower-cased.
    Word(String),
    /// A run of ASCII digits (kept as text so "05" and "5" differ when needed).
    Number(String),
    /// Any other non-space character.
    Punct(char),
}

/// A token and where it is in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    /// Byte offset of the first character.
    pub(crate) start: usize,
    /// Byte offset just past the last character.
    pub(crate) end: usize,
    /// Whether the source word starts with an upper-case letter.
    pub(crate) capitalized: bool,
}

impl Token {
    /// The word, when this token is one.
    pub(crate) fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    /// The number's digits, when this token is one.
    pub(crate) fn digits(&self) -> Option<&str> {
        match &self.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number's value (None when absurdly long).
    pub(crate) fn number(&self) -> Option<u32> {
        self.digits().and_then(|d| d.parse().ok())
    }

    /// Whether this token is the punctuation `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// Whether this is the word `w`.
    pub(crate) fn is_word(&self, w: &str) -> bool {
        self.word() == Some(w)
    }
}

/// Splits `text` into tokens. Dashes of every kind read as `-`.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            let mut word: String = c.to_lowercase().collect();
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                // An apostrophe stays inside a word ("driver's") only when a
                // letter follows it.
                let inner_apostrophe = (n == '\'' || n == '’')
                    && text
                        .get(i + n.len_utf8()..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(char::is_alphabetic);
                if n.is_alphabetic() || inner_apostrophe {
                    word.extend(n.to_lowercase());
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                kind: Kind::Word(word),
                start,
                end,
                capitalized: c.is_uppercase(),
            });
        } else if c.is_ascii_digit() {
            let mut digits = String::from(c);
            let mut end = start + 1;
            while let Some(&(i, n)) = chars.peek() {
                if n.is_ascii_digit() {
                    digits.push(n);
                    end = i + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                kind: Kind::Number(digits),
                start,
                end,
                capitalized: false,
            });
        } else {
            let kind = match c {
                '–' | '—' | '‐' | '‑' | '−' => Kind::Punct('-'),
                other => Kind::Punct(other),
            };
            tokens.push(Token {
                kind,
                start,
                end: start + c.len_utf8(),
                capitalized: false,
            });
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation_with_spans() {
        let text = "Mon–Fri, 8:30am Driver's";
        let tokens = tokenize(text);
        let shown: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            shown,
            ["Mon", "–", "Fri", ",", "8", ":", "30", "am", "Driver's"]
        );
        assert!(tokens[1].is_punct('-'));
        assert!(tokens[0].capitalized);
        assert_eq!(tokens[8].word(), Some("driver's"));
    }
}
