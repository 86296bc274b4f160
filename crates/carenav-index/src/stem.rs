//! A stemming token filter that remembers the stems it has computed.
//!
//! Stemming (snowball) was the largest single cost of building an index:
//! every document's text goes through the English and the Spanish stemmer,
//! and the English one a second time for need relevance. Directory text
//! repeats a small vocabulary, so each analyzer keeps the stems of the
//! words it has seen: a hash lookup instead of the algorithm. The stems
//! are the algorithm's, so an index built with it equals one built with
//! tantivy's [`Stemmer`].

use foldhash::{HashMap, HashMapExt};
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Words remembered per analyzer: past it the memory starts again, so
/// text with an unbounded vocabulary cannot grow it without bound.
const CAPACITY: usize = 1 << 16;

/// [`Stemmer`] with a memory of its stems (see the module).
#[derive(Clone)]
pub(crate) struct CachedStemmer {
    language: Language,
}

impl CachedStemmer {
    pub(crate) fn new(language: Language) -> Self {
        CachedStemmer { language }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner,
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(self.language))
                .build(),
            stems: HashMap::new(),
        }
    }
}

/// The tokenizer [`CachedStemmer`] makes of the one it wraps.
#[derive(Clone)]
pub(crate) struct CachedStemmerFilter<T> {
    inner: T,
    /// Stems one word (a raw tokenizer, then the stemmer).
    stemmer: TextAnalyzer,
    stems: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.stems.len() >= CAPACITY {
            self.stems.clear();
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            stems: &mut self.stems,
        }
    }
}

/// The token stream of a [`CachedStemmerFilter`].
pub(crate) struct CachedStemmerStream<'a, S> {
    tail: S,
    stemmer: &'a mut TextAnalyzer,
    stems: &'a mut HashMap<String, String>,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(&token.text) {
            token.text.clone_from(stem);
        } else {
            let mut stream = self.stemmer.token_stream(&token.text);
            // A raw tokenizer yields the whole word as one token.
            let stem = if stream.advance() {
                stream.token().text.clone()
            } else {
                token.text.clone()
            };
            drop(stream);
            let word = std::mem::replace(&mut token.text, stem.clone());
            self.stems.insert(word, stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    use super::*;

    fn words(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |t: &Token| out.push(t.text.clone()));
        out
    }

    /// The cached stems are the stemmer's, the first time and every time
    /// after (the text repeats its words, so later ones come from memory).
    #[rstest]
    #[case::english(
        Language::English,
        "Emergency food pantries: feeding families, feeding seniors; pantries open daily"
    )]
    #[case::spanish(
        Language::Spanish,
        "Despensa de alimentos para familias; alimentos y despensas para familias"
    )]
    fn cached_stems_equal_the_stemmers(#[case] language: Language, #[case] text: &str) {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(language))
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::new(language))
            .build();
        let mut unstemmed = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        let expected = words(&mut plain, text);
        assert_ne!(expected, words(&mut unstemmed, text), "nothing to stem");
        for _ in 0..3 {
            assert_eq!(words(&mut cached, text), expected);
        }
    }
}
