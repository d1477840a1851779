# Burmese (မြန်မာ), Unicode encoding (never Zawgyi): API error messages (RFC 7807 problem+json
# title and detail), also shown on pages. Complete, as every locale of i18n::PUBLIC_COMPLETE
# must be; translated by a non-native speaker, so a native speaker should review every message.
problem-not-found-title = ရှာမတွေ့ပါ
problem-not-found-detail = အမှတ် { $id } ရှိသော { $kind } မရှိပါ၊ သို့မဟုတ် ထို{ $kind }သည် သင့်တာဝန်ခံနယ်မြေ ပြင်ပတွင် ရှိသည်။
problem-route-not-found-title = ရှာမတွေ့ပါ
problem-route-not-found-detail = ဤ API လမ်းကြောင်း မရှိပါ: { $path }
problem-bad-request-title = တောင်းဆိုချက် မှားယွင်းနေသည်
problem-invalid-bbox-detail = bbox ပါရာမီတာသည် "minLon,minLat,maxLon,maxLat" ဂဏန်းလေးလုံး (WGS84 ဒီဂရီ) ဖြစ်ရမည်၊ အနိမ့်ဆုံးတန်ဖိုးသည် အမြင့်ဆုံးတန်ဖိုးထက် မကြီးရ၊ လောင်ဂျီတွဒ်သည် −180…180 နှင့် လတ္တီတွဒ်သည် −90…90 အတွင်း ရှိရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-limit-detail = limit ပါရာမီတာသည် 1 မှ { $max } အထိ ကိန်းပြည့် ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-offset-detail = offset ပါရာမီတာသည် 0 နှင့်အထက် ကိန်းပြည့် ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-id-detail = အမှတ်သည် အပေါင်းကိန်းပြည့် ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-query-detail = တောင်းဆိုချက်၏ ပါရာမီတာများကို ဖတ်၍မရပါ: { $reason }
problem-invalid-body-detail = တောင်းဆိုချက်၏ အကြောင်းအရာကို ဖတ်၍မရပါ: { $reason }
problem-unavailable-title = ဝန်ဆောင်မှုကို ယာယီ အသုံးပြု၍ မရပါ
problem-unavailable-detail = ဒေတာဘေ့စ်သို့ ချိတ်ဆက်၍ မရပါ။ နောက်မှ ထပ်မံကြိုးစားပါ။
problem-internal-title = ဆာဗာတွင် အမှားဖြစ်ပေါ်နေသည်
problem-internal-detail = တောင်းဆိုချက်ကို ဆောင်ရွက်စဉ် အမှားတစ်ခု ဖြစ်ပေါ်ခဲ့သည်။ တောင်းဆိုချက်အမှတ် { $request_id } ကို စီမံခန့်ခွဲသူထံ အကြောင်းကြားပါ။

record-village = ကျေးရွာ
record-post = ပူးပေါင်းကာကွယ်ရေးစခန်း
record-incident = နယ်စပ်ဖြစ်စဉ်
problem-missing-parameter-detail = { $name } ပါရာမီတာ မပါဝင်ပါ။
problem-invalid-position-detail = တည်နေရာသည် WGS84 ဒီဂရီ ဖြစ်ရမည်၊ လောင်ဂျီတွဒ် lon သည် −180…180 နှင့် လတ္တီတွဒ် lat သည် −90…90 အတွင်း ရှိရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: lon={ $lon }, lat={ $lat }
problem-invalid-position-at-detail = အမှတ်စဉ် { $index } (0 မှ စ၍ ရေတွက်) ရှိ အမှတ်သည် မှန်ကန်သော WGS84 တည်နေရာ မဟုတ်ပါ။ [lon, lat] သို့မဟုတ် {"{"}"lon": …, "lat": …{"}"} ပုံစံဖြင့် ပို့ပါ၊ လောင်ဂျီတွဒ်သည် −180…180 နှင့် လတ္တီတွဒ်သည် −90…90 အတွင်း ရှိရမည်။
problem-too-many-points-detail = တစ်ကြိမ်လျှင် အမှတ် { $max } ခုအထိသာ တည်နေရာ သတ်မှတ်နိုင်သည်၊ { $count } ခု ပို့ထားသည်။ အစုလိုက် ခွဲ၍ ပို့ပါ။
problem-payload-too-large-title = တောင်းဆိုချက် အရွယ်အစား ကြီးလွန်းသည်
problem-payload-too-large-detail = တောင်းဆိုချက်၏ အကြောင်းအရာသည် ခွင့်ပြုထားသော အရွယ်အစား ({ $limit } ဘိုက်) ထက် ကြီးနေသည်။ အစုလိုက် ခွဲ၍ ပို့ပါ။
record-user = အသုံးပြုသူ
record-token = တိုကင်
problem-conflict-title = မှတ်တမ်း ထပ်နေသည်
problem-conflict-detail = ဤအမည်ဖြင့် မှတ်တမ်း ရှိပြီးသား ဖြစ်သည်။
problem-weak-password-detail = စကားဝှက်တွင် အနည်းဆုံး စာလုံး { $min } လုံး ပါရမည်။
problem-unknown-role-detail = "{ $value }" ဟူသော အခန်းကဏ္ဍ မရှိပါ။ ရှိသော အခန်းကဏ္ဍများမှာ admin, official, liaison_officer, outreach_coordinator, outreach_member နှင့် post_staff တို့ ဖြစ်သည်။
problem-unknown-jurisdiction-detail = "{ $value }" ကုဒ်ရှိသော အုပ်ချုပ်ရေးနယ်မြေ မရှိပါ။
problem-unauthenticated-title = အကောင့်ဝင်ရန် လိုအပ်သည်
problem-unauthenticated-detail = ဦးစွာ အကောင့်ဝင်ပါ၊ သို့မဟုတ် တောင်းဆိုချက်တွင် မှန်ကန်သော တိုကင် ထည့်ပါ (Authorization: Bearer …)။
problem-forbidden-title = ဝင်ရောက်ခွင့် မရှိပါ
problem-forbidden-detail = သင်၏ အခန်းကဏ္ဍဖြင့် ဤလုပ်ဆောင်ချက်ကို ပြုလုပ်ခွင့် မရှိပါ။
problem-login-failed-title = အကောင့်ဝင်၍ မရပါ
problem-login-failed-detail = အသုံးပြုသူအမည် သို့မဟုတ် စကားဝှက် မှားနေသည်။
problem-login-throttled-title = ကြိုးစားမှု အကြိမ်ရေ များလွန်းသည်
problem-login-throttled-detail = အကောင့်ဝင်ရန် မအောင်မြင်သည့် အကြိမ်ရေ များလွန်းသည်။ { $seconds } စက္ကန့်အကြာတွင် ထပ်မံကြိုးစားပါ။
problem-invalid-time-detail = { $name } ပါရာမီတာသည် RFC 3339 ပုံစံ အချိန် (ဥပမာ 2024-01-01T00:00:00+08:00) ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-year-detail = year ပါရာမီတာသည် { $min } မှ { $max } အထိ ခရစ်နှစ် (ဥပမာ 2024) ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-bin-km-detail = bin_km ပါရာမီတာ (နယ်စပ်မျဉ်း အပိုင်းတစ်ခုစီ၏ အလျား၊ ကီလိုမီတာဖြင့်) သည် { $min } မှ { $max } အထိ ဂဏန်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-years-not-ascending-detail = နှိုင်းယှဉ်သည့်နှစ် (compare) သည် အခြေခံနှစ် (base) ထက် နောက်ကျရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: base={ $base }, compare={ $compare }
problem-unknown-period-detail = period ပါရာမီတာသည် month (လ)၊ quarter (သုံးလပတ်) သို့မဟုတ် year (နှစ်) ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-month-or-date-detail = { $name } ပါရာမီတာသည် ခရစ်နှစ် 2000 မှ 2100 အတွင်း ရက်စွဲ (YYYY-MM-DD၊ ဥပမာ 2024-03-15) သို့မဟုတ် လ (YYYY-MM၊ ဥပမာ 2024-03) ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-too-many-cells-detail = နယ်စပ်မျဉ်း အပိုင်း { $bins } ပိုင်း × ကာလ { $periods } ခုသည် အကွက် { $cells } ကွက် ဖြစ်၍ တစ်ကြိမ်မေးမြန်းမှုအတွက် ကန့်သတ်ချက် { $max } ကွက်ထက် ကျော်လွန်နေသည်။ အပိုင်းတစ်ခုစီ၏ အလျားကို တိုးပါ (bin_km)၊ ပိုရှည်သော ကာလကို သုံးပါ (period=quarter သို့မဟုတ် year) သို့မဟုတ် ရက်စွဲအပိုင်းအခြားကို လျှော့ပါ (from, to)။
problem-unknown-grouping-detail = by ပါရာမီတာသည် total (စုစုပေါင်း)၊ section (နယ်စပ်အပိုင်း)၊ bin (ကီလိုမီတာအပိုင်း)၊ category (အမျိုးအစား) သို့မဟုတ် county (ခရိုင်) ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-cell-km-detail = cell_km ပါရာမီတာ (ဇယားကွက်တစ်ကွက်စီ၏ အနားအလျား၊ ကီလိုမီတာဖြင့်) သည် { $min } မှ { $max } အထိ ဂဏန်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-invalid-alpha-detail = alpha ပါရာမီတာ (လက်ခံနိုင်သော မှားယွင်းတွေ့ရှိမှုနှုန်း) သည် 0 ထက်ကြီး၍ 0.5 ထက်ငယ်သော ဂဏန်း ဖြစ်ရမည် (ဥပမာ 0.05)။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-incident-geometry-detail = ဖြစ်စဉ်ကို geometry သည် Point ဖြစ်ပြီး WGS84 ဒီဂရီဖြင့် [လောင်ဂျီတွဒ်, လတ္တီတွဒ်] ကိုဩဒိနိတ် ပါသော GeoJSON Feature အဖြစ် ပို့ရမည်။
problem-incident-time-detail = occurred_at အချိန်သည် အချိန်ဇုန်ကွာဟချက် ပါဝင်သော RFC 3339 ပုံစံ အချိန် (ဥပမာ 2024-03-01T08:30:00+08:00) ဖြစ်ရမည်၊ { $min_year } ခုနှစ် သို့မဟုတ် ၎င်းနောက်ပိုင်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-incident-future-detail = occurred_at အချိန်သည် အနာဂတ်တွင် ရှိနေသည် (ဆာဗာ၏ နာရီထက် { $minutes } မိနစ်ကျော် စောနေသည်)။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-incident-category-detail = "{ $value }" ဟူသော ဖြစ်စဉ်အမျိုးအစား မရှိပါ။ အမျိုးအစားများမှာ illegal_crossing, smuggling, drug_trafficking, telecom_fraud, human_trafficking နှင့် other တို့ ဖြစ်သည်။
problem-incident-count-detail = { $name } သည် 0 မှ { $max } အထိ ကိန်းပြည့် ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-incident-text-detail = { $name } သည် စာလုံး { $max } လုံးထက် မပိုသော စာသား ဖြစ်ရမည်။
problem-incident-far-detail = ဤအမှတ်သည် နယ်စပ်မျဉ်းမှ { $distance_km } ကီလိုမီတာ ကွာဝေးပြီး ခွင့်ပြုထားသော { $max_km } ကီလိုမီတာထက် ကျော်လွန်နေသည်။ ကိုဩဒိနိတ်ကို စစ်ဆေးပါ (လောင်ဂျီတွဒ် ဦးစွာ၊ ထို့နောက် လတ္တီတွဒ်၊ WGS84)။
problem-unknown-village-detail = သင့်တာဝန်ခံနယ်မြေအတွင်း အမှတ် { $value } ရှိသော ကျေးရွာ မရှိပါ။
problem-outside-jurisdiction-detail = ဤဖြစ်စဉ်၏ နေရာ (၎င်း၏ ကျေးရွာ သို့မဟုတ် အနီးဆုံး နယ်စပ်အပိုင်းကို တာဝန်ယူသော ပူးပေါင်းကာကွယ်ရေးစခန်း၏ နယ်မြေ) သည် သင့်တာဝန်ခံနယ်မြေ ပြင်ပတွင် ရှိသဖြင့် မည်သည့်အရာကိုမျှ မှတ်တမ်းမတင်ပါ။
