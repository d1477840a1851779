# Burmese (မြန်မာ), Unicode encoding (never Zawgyi): messages of pages anyone can see. Complete,
# as every locale of i18n::PUBLIC_COMPLETE must be; translated by a non-native speaker, so a
# native speaker should review every message before it is shown to the public.
language-name = မြန်မာ
page-languages-label = ဘာသာစကား
page-login-title = အကောင့်ဝင်ရန်
page-login-username = အသုံးပြုသူအမည်
page-login-password = စကားဝှက်
page-login-submit = ဝင်မည်
page-login-signed-in = သင်သည် { $username } အဖြစ် အကောင့်ဝင်ထားပါသည်။
page-logout-submit = အကောင့်မှ ထွက်မည်
page-csrf-title = ဤစာမျက်နှာ သက်တမ်းကုန်သွားပါပြီ
page-csrf-detail = ဖောင်သည် သက်တမ်းကုန်သွားပြီ သို့မဟုတ် ဤဝက်ဘ်ဆိုက်မှ ပေးပို့ခြင်း မဟုတ်သဖြင့် မည်သည့်အရာကိုမျှ မပြောင်းလဲပါ။ အကောင့်ဝင်ရန် စာမျက်နှာကို ပြန်ဖွင့်ပြီး ထပ်မံကြိုးစားပါ။
# The public page of a village (/v/{code}), which the QR code of an outreach notice opens.
page-village-public-title = ကျေးရွာ စာမျက်နှာ
page-village-public-area = တည်ရှိရာ: { $area }
page-village-public-form-pending = ဤကျေးရွာအတွက် အွန်လိုင်း ပြဿနာတိုင်ကြားလွှာကို မဖွင့်ရသေးပါ။ ပြဿနာရှိပါက ကျေးရွာကော်မတီကို ဆက်သွယ်ပါ။
page-village-not-found-title = ကျေးရွာကို ရှာမတွေ့ပါ
page-village-not-found-detail = { $code } ကုဒ်ရှိသော ကျေးရွာ မရှိပါ။ QR ကုဒ် သို့မဟုတ် လင့်ခ် ပြည့်စုံမှု ရှိမရှိ စစ်ဆေးပါ။
