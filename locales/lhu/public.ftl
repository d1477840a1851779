# Lahu (Ladhof), Latin orthography used in China (tones written as final letters). PARTIAL
# locale: it needs review and completion by a native speaker. Every message missing here is
# shown in Chinese (zh-CN). Only the language's own name is given; the sign-in page messages
# are left out until a native speaker supplies them, rather than guessed.
language-name = Ladhof
