# Tai Lü (ᦅᧄᦺᦑᦟᦹᧉ), New Tai Lue script (U+1980–U+19DF): the printed notice of a legal-outreach
# session. DELIBERATELY EMPTY until a native speaker supplies the lines: no message of the notice
# is given here rather than guessed. Every line of a Tai Lü notice therefore prints in Chinese
# and is marked as such on the notice (the designed fallback); the notice still names its
# language in Tai Lü (language-name in public.ftl). Add messages here only as a native speaker
# writes or checks them, with the ids of zh-CN/notice.ftl.
