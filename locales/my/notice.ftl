# Burmese (မြန်မာ), Unicode encoding (never Zawgyi): the printed notice of a legal-outreach
# session. NEEDS REVIEW BY A NATIVE SPEAKER: translated by a non-native speaker; a native speaker
# should check every line before notices are printed for villages. A message missing here prints
# in Chinese, marked on the notice.
notice-title = ဥပဒေပညာပေး အစီအစဉ် ကြေညာချက်
notice-intro = ကျေးရွာသူ ကျေးရွာသားအားလုံး တက်ရောက်နိုင်ပါသည်။ အခမဲ့ ဖြစ်ပါသည်။
notice-date-label = ရက်စွဲ
notice-date = { $year } ခုနှစ် { $month ->
        [1] ဇန်နဝါရီ
        [2] ဖေဖော်ဝါရီ
        [3] မတ်
        [4] ဧပြီ
        [5] မေ
        [6] ဇွန်
        [7] ဇူလိုင်
        [8] ဩဂုတ်
        [9] စက်တင်ဘာ
        [10] အောက်တိုဘာ
        [11] နိုဝင်ဘာ
       *[12] ဒီဇင်ဘာ
    }လ { $day } ရက် ({ $weekday ->
        [1] တနင်္လာနေ့
        [2] အင်္ဂါနေ့
        [3] ဗုဒ္ဓဟူးနေ့
        [4] ကြာသပတေးနေ့
        [5] သောကြာနေ့
        [6] စနေနေ့
       *[7] တနင်္ဂနွေနေ့
    })
notice-time-label = အချိန်
notice-time = { $start } မှ { $end } အထိ
notice-place-label = နေရာ
notice-place = { $village }, { $township }, { $county }
notice-place-county = { $village }, { $county }
notice-topics-label = ခေါင်းစဉ်များ
notice-presenters-label = ဟောပြောသူများ
notice-presenters-none = နောက်မှ အကြောင်းကြားပါမည်
notice-interpreter-label = စကားပြန်
notice-team-label = စီစဉ်သူ
notice-language-label = ဘာသာစကား
notice-qr-caption = ဤကျေးရွာ၏ စာမျက်နှာကို ဖွင့်ရန် ကုဒ်ကို စကင်ဖတ်ပါ
notice-cancelled = ဤအစီအစဉ်ကို ဖျက်သိမ်းလိုက်ပါပြီ။
notice-fallback-note = ဤအမှတ်အသားပါသော စာကြောင်းများသည် တရုတ်ဘာသာဖြင့် ဖြစ်ပါသည်။ ဘာသာပြန် မရှိသေးပါ။
notice-topic-border_law = နယ်စပ်ဆိုင်ရာ ဥပဒေနှင့် စည်းမျဉ်းများ
notice-topic-anti_drug = မူးယစ်ဆေးဝါး တားဆီးကာကွယ်ရေး
notice-topic-anti_fraud = ဖုန်းနှင့် အွန်လိုင်း လိမ်လည်မှုမှ ကာကွယ်ရေး
notice-topic-anti_trafficking = လူကုန်ကူးမှု တိုက်ဖျက်ရေး
notice-topic-marriage_law = လက်ထပ်ထိမ်းမြားခြင်းနှင့် မိသားစုဆိုင်ရာ ဥပဒေ
notice-topic-land_disputes = မြေယာ အငြင်းပွားမှု ဖြေရှင်းရေး
notice-topic-entry_exit = နယ်စပ်ဖြတ်ကျော်ခြင်းဆိုင်ရာ စည်းမျဉ်းများ
