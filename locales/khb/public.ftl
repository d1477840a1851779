# Tai Lü (ᦅᧄᦺᦑᦟᦹᧉ), New Tai Lue script (U+1980–U+19DF). PARTIAL locale: it needs review and
# completion by a native speaker. Every message missing here is shown in Chinese (zh-CN).
# Only the language's own name is given, as published (kam tai lue, "the Tai Lü language"); the
# sign-in page messages are left out until a native speaker supplies them, rather than guessed.
language-name = ᦅᧄᦺᦑᦟᦹᧉ
