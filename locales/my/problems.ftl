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
record-outreach-team = ဥပဒေပညာပေးအဖွဲ့
record-outreach-session = ဥပဒေပညာပေး အစီအစဉ်
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
problem-unknown-format-detail = { $value } ပုံစံကို မပေးနိုင်ပါ။ အောက်ပါပုံစံများမှ တစ်ခုကို သုံးပါ: { $allowed }
problem-incident-geometry-detail = ဖြစ်စဉ်ကို geometry သည် Point ဖြစ်ပြီး WGS84 ဒီဂရီဖြင့် [လောင်ဂျီတွဒ်, လတ္တီတွဒ်] ကိုဩဒိနိတ် ပါသော GeoJSON Feature အဖြစ် ပို့ရမည်။
problem-incident-time-detail = occurred_at အချိန်သည် အချိန်ဇုန်ကွာဟချက် ပါဝင်သော RFC 3339 ပုံစံ အချိန် (ဥပမာ 2024-03-01T08:30:00+08:00) ဖြစ်ရမည်၊ { $min_year } ခုနှစ် သို့မဟုတ် ၎င်းနောက်ပိုင်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-incident-future-detail = occurred_at အချိန်သည် အနာဂတ်တွင် ရှိနေသည် (ဆာဗာ၏ နာရီထက် { $minutes } မိနစ်ကျော် စောနေသည်)။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-incident-category-detail = "{ $value }" ဟူသော ဖြစ်စဉ်အမျိုးအစား မရှိပါ။ အမျိုးအစားများမှာ illegal_crossing, smuggling, drug_trafficking, telecom_fraud, human_trafficking နှင့် other တို့ ဖြစ်သည်။
problem-incident-count-detail = { $name } သည် 0 မှ { $max } အထိ ကိန်းပြည့် ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-incident-text-detail = { $name } သည် စာလုံး { $max } လုံးထက် မပိုသော စာသား ဖြစ်ရမည်။
problem-incident-far-detail = ဤအမှတ်သည် နယ်စပ်မျဉ်းမှ { $distance_km } ကီလိုမီတာ ကွာဝေးပြီး ခွင့်ပြုထားသော { $max_km } ကီလိုမီတာထက် ကျော်လွန်နေသည်။ ကိုဩဒိနိတ်ကို စစ်ဆေးပါ (လောင်ဂျီတွဒ် ဦးစွာ၊ ထို့နောက် လတ္တီတွဒ်၊ WGS84)။
problem-unknown-village-detail = သင့်တာဝန်ခံနယ်မြေအတွင်း အမှတ် { $value } ရှိသော ကျေးရွာ မရှိပါ။
problem-outside-jurisdiction-detail = ဤဖြစ်စဉ်၏ နေရာ (၎င်း၏ ကျေးရွာ သို့မဟုတ် အနီးဆုံး နယ်စပ်အပိုင်းကို တာဝန်ယူသော ပူးပေါင်းကာကွယ်ရေးစခန်း၏ နယ်မြေ) သည် သင့်တာဝန်ခံနယ်မြေ ပြင်ပတွင် ရှိသဖြင့် မည်သည့်အရာကိုမျှ မှတ်တမ်းမတင်ပါ။
problem-visit-object-detail = ကွင်းဆင်းသွားရောက်မှု တစ်ခုစီသည် id, linkage_id, target, visited_at, lon, lat, accuracy_m, findings နှင့် follow_ups ပါဝင်သော JSON object ဖြစ်ရမည်။
problem-visit-id-detail = ကွင်းဆင်းသွားရောက်မှု၏ id သည် ဖုန်းပေါ်တွင် ထုတ်ပေးသော UUID ဖြစ်ရမည် (ဥပမာ 6f1c1b5e-8a9e-4f49-9a57-3a8f3c2b8d11)။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-visit-target-detail = target ကို {"{"}"kind": "village" သို့မဟုတ် "post", "id": အပေါင်းကိန်းပြည့်{"}"} ပုံစံဖြင့် ရေးရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-visit-wrong-target-detail = အမှတ် { $id } ရှိသော { $kind ->
        [village] ကျေးရွာ
       *[post] ပူးပေါင်းကာကွယ်ရေးစခန်း
    }သည် တွဲဖက်ကူညီရေး { $linkage } ၏ ပစ်မှတ် မဟုတ်ပါ။ ထိုတွဲဖက်မှု၏ ကျေးရွာ သို့မဟုတ် စခန်းကို ရွေးပါ။
problem-visit-time-detail = visited_at အချိန်သည် အချိန်ဇုန်ကွာဟချက် ပါဝင်သော RFC 3339 ပုံစံ အချိန် (ဥပမာ 2026-11-29T09:30:00+08:00) ဖြစ်ရမည်၊ { $min_year } ခုနှစ် သို့မဟုတ် ၎င်းနောက်ပိုင်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-visit-future-detail = visited_at အချိန်သည် ဆာဗာ၏ နာရီထက် { $minutes } မိနစ်ကျော် စောနေသည်။ ဖုန်း၏ နာရီကို စစ်ဆေးပါ။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-visit-before-linkage-detail = { $day } ရက်နေ့ ကွင်းဆင်းသွားရောက်မှုသည် တွဲဖက်ကူညီရေး { $linkage } ၏ စတင်ရက် ({ $starts_on }) မတိုင်မီ ဖြစ်နေသည်။
problem-visit-after-linkage-detail = { $day } ရက်နေ့ ကွင်းဆင်းသွားရောက်မှုသည် တွဲဖက်ကူညီရေး { $linkage } ၏ ပြီးဆုံးရက် ({ $ends_on }) နောက်ပိုင်း ဖြစ်နေသည်။
problem-visit-accuracy-detail = accuracy_m (တည်နေရာ၏ တိကျမှု၊ မီတာဖြင့်) သည် 0 နှင့်အထက် ကိန်းဂဏန်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-visit-findings-detail = findings သည် အများဆုံး { $max } ခုပါသော စာရင်း ဖြစ်ရမည်၊ တစ်ခုစီကို {"{"}"kind": …, "text": …{"}"} ပုံစံဖြင့် ရေးရမည်။
problem-visit-finding-kind-detail = အမှတ်စဉ် { $index } (0 မှ စ၍ ရေတွက်) တွေ့ရှိချက်၏ အမျိုးအစား "{ $value }" မရှိပါ။ အမျိုးအစားများမှာ dispute, security_risk, livelihood_need နှင့် other တို့ ဖြစ်သည်။
problem-too-many-visits-detail = တစ်ကြိမ်လျှင် ကွင်းဆင်းသွားရောက်မှု { $max } ခုအထိသာ ထပ်တူပြုနိုင်သည်၊ { $count } ခု ပို့ထားသည်။ အစုလိုက် ခွဲ၍ ပို့ပါ။
problem-visit-conflict-detail = id { $id } ရှိသော ကွင်းဆင်းသွားရောက်မှုကို မတူညီသော အကြောင်းအရာဖြင့် မှတ်တမ်းတင်ပြီး ဖြစ်သည်။ မည်သည့်အရာမျှ ပြောင်းလဲခြင်း မရှိပါ။ ပြင်ဆင်ထားသော မှတ်တမ်းကို id အသစ်ဖြင့် ပို့ပါ။
problem-linkage-body-detail = တွဲဖက်ကူညီရေးကို department_id, village_id, post_id, starts_on (YYYY-MM-DD), village_visits_per_month နှင့် post_visits_per_month ပါဝင်သော JSON object အဖြစ် ပို့ရမည်။ ends_on နှင့် officer_ids မှာ မဖြစ်မနေ မလိုပါ။
problem-linkage-id-detail = { $name } သည် မှတ်တမ်း၏ အမှတ် (အပေါင်းကိန်းပြည့်) ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-linkage-date-detail = { $name } သည် YYYY-MM-DD ပုံစံ ရက်စွဲ (ဥပမာ 2025-01-01) ဖြစ်ရမည်၊ 2000 မှ 2100 ခုနှစ်အတွင်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-linkage-month-detail = ပါရာမီတာ { $name } သည် YYYY-MM ပုံစံ လ (ဥပမာ 2025-03) ဖြစ်ရမည်၊ 2000 မှ 2100 ခုနှစ်အတွင်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-linkage-reversed-months-detail = လများ ပြောင်းပြန်ဖြစ်နေသည်- စတင်လ from ({ $from }) သည် ပြီးဆုံးလ to ({ $to }) ထက် နောက်မကျရပါ။
problem-linkage-visits-detail = { $name } သည် လစဉ် သွားရောက်ရမည့် အကြိမ်အရေအတွက် ဖြစ်ပြီး 0 မှ { $max } အထိ ကိန်းပြည့် ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-linkage-officers-detail = officer_ids သည် အသုံးပြုသူအမှတ် အများဆုံး { $max } ခုပါသော စာရင်း ဖြစ်ရမည်။
problem-linkage-ends-before-start-detail = တွဲဖက်ကူညီရေးသည် စတင်ရက် ({ $starts_on }) မတိုင်မီ ({ $ends_on }) ပြီးဆုံး၍ မရပါ။ ends_on သည် ၎င်း၏ နောက်ဆုံးရက် ဖြစ်သည်။
problem-linkage-unknown-post-detail = သင့်တာဝန်ခံနယ်မြေအတွင်း အမှတ် { $value } ရှိသော ပူးပေါင်းကာကွယ်ရေးစခန်း မရှိပါ။
problem-linkage-unknown-department-detail = သင့်တာဝန်ခံနယ်မြေအတွင်း အမှတ် { $value } ရှိသော ဌာန မရှိပါ။
problem-linkage-department-area-detail = ကျေးရွာ { $village } သည် ဌာန { $department } ၏ လုပ်ငန်းနယ်မြေ ပြင်ပတွင် ရှိသည်။ ဌာနတစ်ခုသည် ၎င်း၏ကိုယ်ပိုင် အုပ်ချုပ်ရေးနယ်မြေအတွင်းရှိ ကျေးရွာများနှင့်သာ တွဲဖက်နိုင်သည်။
problem-linkage-unknown-officer-detail = သင့်တာဝန်ခံနယ်မြေအတွင်း သို့မဟုတ် ဤတွဲဖက်မှု၏ ဌာနအတွင်း အမှတ် { $value } ရှိသော အသုံးပြုသူ မရှိပါ။
problem-linkage-officer-department-detail = အသုံးပြုသူ { $officer } သည် ဌာန { $department } ၏ ဝန်ထမ်း မဟုတ်ပါ။ တွဲဖက်မှု၏ တာဝန်ခံများသည် ၎င်း၏ ဌာနမှ ဖြစ်ရမည်။
problem-linkage-officer-role-detail = အသုံးပြုသူ { $officer } သည် ဆက်သွယ်ရေးအရာရှိ မဟုတ်ပါ။ ဆက်သွယ်ရေးအရာရှိများသာ တွဲဖက်မှု၏ တာဝန်ခံ ဖြစ်နိုင်သည်။
problem-linkage-officer-inactive-detail = အသုံးပြုသူ { $officer } ၏ အကောင့်ကို ပိတ်ထားသည်။ အသုံးပြုနေဆဲ ဆက်သွယ်ရေးအရာရှိကို ရွေးပါ။
problem-linkage-overlap-detail = တွဲဖက်ကူညီရေး { $existing } ({ $starts_on } မှ စတင်) သည် ဤဌာနကို ဤကျေးရွာနှင့် စခန်းတို့နှင့် ထပ်နေသော ကာလအတွင်း တွဲဖက်ထားပြီး ဖြစ်သည်။ ၎င်းကို ဦးစွာ အဆုံးသတ်ပါ သို့မဟုတ် မထပ်သော ရက်စွဲများကို ရွေးပါ။
problem-linkage-pair-fixed-detail = ဤတွဲဖက်မှုတွင် မှတ်တမ်းတင်ထားသော ကွင်းဆင်းသွားရောက်မှု { $visits } ကြိမ် ရှိပြီးဖြစ်သဖြင့် ဌာန၊ ကျေးရွာနှင့် စခန်းကို ပြောင်း၍ မရပါ။ ဤတွဲဖက်မှုကို အဆုံးသတ်ပြီး တွဲဖက်မှုအသစ် ဖန်တီးပါ။
problem-patrol-shape-detail = ကင်းလှည့်မှတ်တမ်းကို {"{"}"post_id": စခန်းအမှတ်, "track": {"{"}"type": "LineString", "coordinates": [[လောင်ဂျီကျု, လတ္တီကျု], …]{"}"}, "times": [အမှတ်တစ်ခုစီ၏ RFC 3339 အချိန်, …]{"}"} ဟု ရေးရမည်၊ သို့မဟုတ် GPX 1.1 ဖိုင်အဖြစ် တင်ပါ (Content-Type: application/gpx+xml နှင့် လိပ်စာတွင် ?post_id= ထည့်ပါ)။
problem-patrol-too-few-points-detail = ကင်းလှည့်လမ်းကြောင်းတွင် အနည်းဆုံး အမှတ် 2 ခု လိုအပ်သည်။ လက်ခံရရှိသည်: { $count } ခု။
problem-patrol-too-many-points-detail = လမ်းကြောင်းတွင် အမှတ် { $count } ခု ပါဝင်သော်လည်း အများဆုံး { $max } ခုသာ ခွင့်ပြုသည်။ အပိုင်းလိုက် ခွဲတင်ပါ။
problem-patrol-position-detail = အမှတ် { $index } (0 မှ စရေတွက်) ၏ တည်နေရာ မမှန်ကန်ပါ- WGS84 လောင်ဂျီကျု (-180 မှ 180) နှင့် လတ္တီကျု (-90 မှ 90) ဖြစ်ရမည်။
problem-patrol-time-detail = အမှတ် { $index } (0 မှ စရေတွက်) ၏ အချိန်သည် အချိန်ဇုန်ကွာဟချက် ပါဝင်သော RFC 3339 အချိန် (ဥပမာ 2026-11-29T09:30:00+08:00) ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-patrol-not-ascending-detail = အမှတ် { $index } (0 မှ စရေတွက်) ၏ အချိန်သည် ယခင်အမှတ်ထက် စောနေသည်။ လမ်းကြောင်းအချိန်များကို အစဉ်လိုက် စီရမည်။
problem-patrol-future-detail = အမှတ် { $index } (0 မှ စရေတွက်) ၏ အချိန်သည် ဆာဗာ၏ နာရီထက် စောနေသည်။ ကိရိယာ၏ နာရီကို စစ်ဆေးပါ။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-patrol-times-count-detail = လမ်းကြောင်းတွင် ကိုဩဒိနိတ် { $count } ခု ရှိသော်လည်း အချိန် { $times } ခုသာ ရှိသည်။ ကိုဩဒိနိတ်တစ်ခုလျှင် အချိန်တစ်ခု ရှိရမည်။
problem-patrol-gpx-detail = GPX ဖိုင်ကို ဖတ်၍ မရပါ- { $reason }

# ဥပဒေပညာပေး- အဖွဲ့များ၊ အစီအစဉ်များနှင့် ပြက္ခဒိန်
record-calendar-feed = ပြက္ခဒိန်လိပ်စာ
problem-outreach-body-detail = တောင်းဆိုချက်၏ ကိုယ်ထည်သည် JSON object ဖြစ်ရမည်။
problem-outreach-id-detail = { $name } သည် မှတ်တမ်း၏ အမှတ် (အပေါင်းကိန်းပြည့်) ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-outreach-time-detail = { $name } သည် အချိန်ဇုန်ကွာဟချက် ပါဝင်သော RFC 3339 အချိန် (ဥပမာ 2027-01-10T09:00:00+08:00) ဖြစ်ပြီး 2000 မှ 2100 ခုနှစ်အတွင်း ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-outreach-ends-before-start-detail = အစီအစဉ်သည် စတင်ချိန်နောက်တွင် ပြီးဆုံးရမည်။ ဤအစီအစဉ်သည် { $starts_at } တွင် စ၍ { $ends_at } တွင် ပြီးဆုံးသည်။
problem-outreach-too-long-detail = အစီအစဉ်တစ်ခုသည် အများဆုံး { $max } နာရီသာ ကြာနိုင်သည်။ ပိုရှည်သော အစီအစဉ်ကို အကြိမ်များစွာ ခွဲပါ။
problem-outreach-language-detail = { $name } သည် zh, khb, hni, ahk, lhu, blr, ium, jiu, lo, my, th နှင့် en (BCP 47 ကုဒ်များ) ထဲမှ တစ်ခု ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-outreach-status-detail = status သည် planned, held သို့မဟုတ် cancelled ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-outreach-level-detail = ဘာသာစကားအဆင့်သည် native, fluent သို့မဟုတ် basic ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-outreach-topic-detail = { $name } တွင် မသိသော ခေါင်းစဉ် "{ $value }" ပါဝင်သည်။ ခေါင်းစဉ်များမှာ border_law, anti_drug, anti_fraud, anti_trafficking, marriage_law, land_disputes နှင့် entry_exit တို့ ဖြစ်သည်။
problem-outreach-topics-detail = { $name } တွင် ခေါင်းစဉ် 1 ခုမှ { $max } ခုအထိ ပါရမည်။
problem-outreach-presenters-detail = presenter_ids တွင် ဟောပြောသူ 1 ဦးမှ { $max } ဦးအထိ အဖွဲ့ဝင်အမှတ်ဖြင့် ပါရမည်။
problem-outreach-text-detail = { $name } သည် စာလုံး 1 လုံးမှ { $max } လုံးအထိ ရှိသော စာသား ဖြစ်ရမည်။
problem-zawgyi-detail = { $name } သည် Zawgyi ဖြင့် ရိုက်ထားသော မြန်မာစာ ဖြစ်ပုံရသည်။ ၎င်းကို Zawgyi ဖောင့်ရှိသော ဖုန်းများတွင်သာ ဖတ်နိုင်သည်- { $rule ->
        [vowel-e] သရ E (U+1031) ကို ဗျည်း၏ ရှေ့တွင် ရေးထားသည်
        [killer] U+1039 ကို ဗျည်းဆင့်ရန်အစား ဝဏ္ဏပိတ်ရန် သုံးထားသည်
        [medial] ဗျည်းတွဲကို ဗျည်း၏ ရှေ့တွင် ရေးထားသည်
        [medial-order] ဗျည်းတွဲများသည် ya, ra, wa, ha အစီအစဉ်အတိုင်း မဟုတ်ပါ
        [asat] အသတ် (U+103A) နောက်တွင် သရ သို့မဟုတ် ဗျည်းတွဲ လိုက်နေသည်
        [vowel-order] သရများကို Unicode မသုံးသော အစီအစဉ်ဖြင့် ရေးထားသည်
       *[form] Zawgyi ၏ စာလုံးပုံစံကွဲကို သုံးထားသည်
    } (စာလုံး { $position }၊ { $character })။ ကီးဘုတ်ကို Unicode သို့ ပြောင်းပါ သို့မဟုတ် စာသားကို Unicode သို့ ပြောင်းပြီး ထပ်မံ ပို့ပါ။
problem-outreach-team-code-detail = အဖွဲ့ကုဒ်သည် အက္ခရာ၊ ဂဏန်း၊ - သို့မဟုတ် _ 1 လုံးမှ 32 လုံးအထိ ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-outreach-members-detail = members တွင် အဖွဲ့ဝင် 1 ဦးမှ { $max } ဦးအထိ ပါရမည်။
problem-outreach-member-languages-detail = အဖွဲ့ဝင် { $member } သည် ဘာသာစကား 1 ခုမှ { $max } ခုအထိကို တစ်ခုလျှင် တစ်ကြိမ်စီ {"{"}"language": ကုဒ်, "level": "native", "fluent" သို့မဟုတ် "basic"{"}"} ပုံစံဖြင့် ဖော်ပြရမည်။
problem-outreach-attendance-detail = { $name } သည် 0 မှ { $max } အထိ ကိန်းပြည့် ဖြစ်ရမည်။ လက်ခံရရှိသည့်တန်ဖိုး: { $value }
problem-outreach-attendance-part-detail = { $name } ({ $count }) သည် တက်ရောက်သူ စုစုပေါင်း ({ $total }) ထက် မများရပါ။
problem-outreach-unknown-team-detail = သင့်တာဝန်ခံနယ်မြေအတွင်း အမှတ် { $value } ရှိသော ဥပဒေပညာပေးအဖွဲ့ မရှိပါ။
problem-outreach-unknown-user-detail = သင့်တာဝန်ခံနယ်မြေအတွင်း အမှတ် { $value } ရှိသော အသုံးပြုသူ မရှိပါ။
problem-outreach-not-member-detail = အဖွဲ့ဝင် { $member } သည် အဖွဲ့ { $team } ၏ အဖွဲ့ဝင် မဟုတ်ပါ။ ဟောပြောသူများသည် ထိုအဖွဲ့၏ အဖွဲ့ဝင်များ ဖြစ်ရမည်။
problem-outreach-no-fluent-presenter-detail = အစီအစဉ်၏ ဘာသာစကား ({ $language }) ကို ကျွမ်းကျင်စွာ ပြောနိုင်သော ဟောပြောသူ မရှိပါ ({ $presenters })။ ထိုဘာသာစကားကို ကျွမ်းကျင်စွာ သို့မဟုတ် မိခင်ဘာသာစကားအဖြစ် ပြောသူကို ထည့်ပါ၊ သို့မဟုတ် အခြားဘာသာစကားဖြင့် ဟောပြောပါ။
problem-outreach-village-language-detail = { $village } ၏ ဘာသာစကားများ ({ $listed }) တွင် { $language } မပါဝင်ပါ။ ၎င်းတို့ထဲမှ ဘာသာစကားတစ်ခုဖြင့် ဟောပြောပါ သို့မဟုတ် စကားပြန်ကို ဖော်ပြပါ။
problem-outreach-presenter-booked-detail = { $presenter } သည် { $village } တွင် အစီအစဉ် { $session } ({ $starts_at } မှ { $ends_at }) ကို ဟောပြောရန် ရှိပြီးဖြစ်သည်။ ကျေးရွာနှစ်ရွာကြား ခရီးသည် { $travel_minutes } မိနစ် (လမ်းခရီး { $road_km } ကီလိုမီတာ) ကြာသော်လည်း အစီအစဉ်နှစ်ခုကြားတွင် { $gap_minutes } မိနစ်သာ ရှိသည်။
problem-outreach-team-booked-detail = အဖွဲ့ { $team } တွင် { $village } ၌ အစီအစဉ် { $session } ({ $starts_at } မှ { $ends_at }) ရှိပြီးဖြစ်သည်။ ကျေးရွာနှစ်ရွာကြား ခရီးသည် { $travel_minutes } မိနစ် (လမ်းခရီး { $road_km } ကီလိုမီတာ) ကြာသော်လည်း အစီအစဉ်နှစ်ခုကြားတွင် { $gap_minutes } မိနစ်သာ ရှိသည်။
problem-outreach-not-planned-detail = အစီအစဉ် { $session } သည် { $status ->
        [held] ကျင်းပပြီး ဖြစ်သည်
        [cancelled] ပယ်ဖျက်ပြီး ဖြစ်သည်
       *[other] { $status } အခြေအနေတွင် ရှိသည်
    }။ စီစဉ်ထားဆဲ အစီအစဉ်ကိုသာ ကျင်းပပြီး သို့မဟုတ် ပယ်ဖျက်ပြီးဟု မှတ်တမ်းတင်နိုင်သည်။
problem-outreach-not-started-detail = အစီအစဉ် { $session } သည် { $starts_at } တွင် စတင်မည်။ စတင်ပြီးမှသာ ကျင်းပပြီးဟု မှတ်တမ်းတင်နိုင်သည်။
