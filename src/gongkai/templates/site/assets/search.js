/* The search page: reads the index gongkai writes under search/ (see src/gongkai/search/), nothing from other hosts.
   The rules that cut text into keys are those of src/gongkai/search/tokens.py; the tests hold both to the same list. */
(function () {
  "use strict";
  var CJK = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var UNIT = new RegExp("[" + CJK + "]|[0-9]+|[a-z]+|\\n", "gu");
  var ONE_CJK = new RegExp("^[" + CJK + "]$", "u");
  var YEAR_NIAN = /(?<![0-9])([0-9]{4})年(?=[0-9])/g;
  var ZEROS = /(?<![0-9])0+(?=[0-9]+[号月日])/g, YEAR = /^[0-9]{4}$/, NUMBER = /^[0-9]+$/;
  // traditional characters as simplified (src/gongkai/search/hant.py: the same two strings, one character for one)
  var TRADITIONAL = "丟並亂亙亞佇佈佔併來侖侶侷俁係俠俬倀倆倉個們倖倫偉側偵偽傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僥僨僱價儀儁儂億儈儉儐儔儕儘償優儲儷儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剛剝剮剴" +
      "創剷劃劄劇劉劊劌劍劑勁動務勛勝勞勢勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吳吶呂咼員唄唸問啓啞啟喚喪喫喬單喲嗆嗇嗎嗚嗩嗶嘆嘍嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸噁噓噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕" +
      "嚙嚥嚦嚨嚮嚳嚴嚶囀囁囂囅囈囌囑囪圇國圍園圓圖團垻埡埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塹墊墜墮墰墳墻墾壇壎壓壘壙壚壜壞壟壠壢壩壯壺壽夠夢夾奐奧奩奪奬奮奼妝姍姦娛婁婦婭媧媯媼媽嫋嫗嫵" +
      "嫺嫻嬀嬈嬋嬌嬙嬡嬤嬪嬰嬸孃孌孫學孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嶁嶄嶇嶗嶠嶧嶸嶺嶼嶽巋巒巔巖巰巹帥師帳帶幀幃幗幘幟幣幫幬幷幹幾庫廁廂廄廈廕" +
      "廚廝廟廠廡廢廣廩廬廳弒弔弳張強彆彈彌彎彔彙彥彫彿後徑從徠復徵徹恆恥悅悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慼慾憂憊憐憑憒憚憤憫憮憲憶懇應懌懍懞懟懣懨懲懶懷懸懺懼懾戀戇" +
      "戔戧戩戰戲戶扞拋挱挾捨捫捲掃掄掙掛採揀揚換揮損搖搗搧搶摑摜摟摯摳摶摻撈撐撓撟撣撥撫撲撳撻撾撿擁擄擇擊擋擔據擠擡擣擬擯擰擱擲擴擷擺擻擼擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敗敘敵數斂斃斕斬" +
      "斷於旂旣昇時晉晝暈暉暢暫曄曆曇曉曏曖曠曬書會朧朮東枴柵柺査桿梔梘條梟棄棊棖棗棟棧棲椏楊楓楨業極榦榪榮榿構槍槓槧槨槳樁樂樅樑樓標樞樣樸樹樺橈橋機橢橫檁檉檔檜檢檣檯檳檸檻櫃櫓櫚櫛櫝櫞櫟" +
      "櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欖欞欽歎歐歟歡歲歷歸歿殘殞殤殫殭殮殯殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹涇涼淒淚淥淨淩淪淵淶淺渙減渦測渾湊湞湧湯溈準溝溫溼滄滅滌滎滙滬滯" +
      "滲滷滸滾滿漁漚漢漣漬漲漵漸漿潁潑潔潙潛潤潯潰潷潿澀澆澇澗澠澤澩澮澱濁濃濕濘濛濟濤濫濰濱濺濼濾瀅瀆瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灕灘灝灣灤灧灩災為烏烴無煉煒煙煢煥煩煬熒熗熱熾燁燈" +
      "燉燒燙燜營燦燬燭燴燻燼燾爍爐爛爭爲爺爾牀牆牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獰獲獵獷獸獺獻獼玀現琱琺琿瑋瑣瑤瑩瑪璉璣璦環璽璿瓊瓏瓔瓚甌甕產産畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞" +
      "瘡瘧瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皰皸皺盃盜盞盡監盤盧盪眞眥眾睏睜睞瞘瞞瞼矇矚矯硃硤硨硯碩碭碸確碼磚磣磧磯磽礎礙礦礪礫礬礱祕祿禍禎禦禪禮禰禱禿秈稅稈稜稟種稱穀穌積" +
      "穎穡穢穩穫窩窪窮窯窶窺竄竅竇竈竊竪競筆筍筧箇箋箏箚節範築篋篤篩篳簀簍簑簞簡簣簫簽簾籃籌籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂約紅紆紇紈紉紋納紐紓純紕紗紙級紛紜紡紮細紱紲紳紹紺" +
      "紼紿絀終絃組絆絎結絕絛絝絞絡絢給絨統絲絳絶絹綁綃綆綈綉綏綑經綜綞綠綢綣綫綬維綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻縈縉縊縋縐縑縛縝縞縟縣縧" +
      "縫縭縮縱縲縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯繰繳繹繼繽繾纈纊續纍纏纓纔纖纘纜缽罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翹耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫" +
      "腳腸膃膚膠膩膽膾膿臉臍臏臘臚臟臠臥臨臺與興舉舊舖舘艙艤艦艫艱艷芻苧茲荊莊莖莢莧華菴萇萊萬萵葉葒葤葦葯葷蒐蒓蒔蒞蒼蓀蓆蓋蓮蓯蓴蓽蔔蔘蔞蔣蔥蔦蔭蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薈薊薌薑薔薟薦薩" +
      "薺藍藎藝藥藪藴藶藹藺蘄蘆蘇蘊蘋蘚蘞蘢蘭蘺蘿處虛虜號虧虯蛺蛻蜆蝕蝟蝦蝨蝸螄螞螢螻蟄蟈蟎蟣蟬蟯蟲蟶蟻蠅蠆蠍蠐蠑蠔蠟蠣蠱蠶蠻衆衊術衕衚衛衝袞裊裏補裝裡製複褲褳褸褻襇襉襖襝襠襤襪襬襯襲覈見" +
      "規覓視覘覡覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訐訓訕訖託記訛訝訟訣訥訪設許訴訶診註証詁詆詎詐詒詔評詘詛詞詠詡詢詣試詩詫詬詭詮詰話該詳詵詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨" +
      "說説誰課誶誹誼調諂諄談諉請諍諏諑諒論諗諛諜諞諡諢諤諦諧諫諭諮諱諳諶諷諸諺諼諾謀謁謂謄謅謊謎謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譖識譙譚譜譟譫譭譯議譴護譽譾讀變讎讒讓讕讖讚讜讞" +
      "谿豈豎豐豔豬貍貓貝貞負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賚賜賞賠賡賢賣賤賦賧質賫賬賭賴賺賻購賽賾贄贅贈贊贋贍贏贐贓贖贗贛贜趕趙趨趲跡踐踰踴蹌蹕蹟蹠" +
      "蹣蹤蹺躉躊躋躍躑躒躓躕躚躡躥躦躪軀車軋軌軍軒軔軛軟軤軫軲軸軹軺軻軼軾較輅輇載輊輒輓輔輕輛輜輝輞輟輥輦輩輪輯輳輸輻輾輿轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠" +
      "遡適遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄭鄰鄲鄴鄶鄺酈醃醖醜醞醫醬釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧釩釵釷釹釺鈀鈁鈄鈅鈈鈉鈍鈎鈐鈑鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆" +
      "鉈鉉鉍鉑鉕鉗鉚鉛鉞鉢鉤鉦鉬鉭鉳鉸鉺鉻鉿銀銃銅銑銓銖銘銚銜銠銣銥銦銨銩銪銫銬銱銳銷銹銻銼鋁鋃鋅鋇鋌鋏鋒鋝鋟鋣鋤鋥鋦鋨鋪鋭鋮鋯鋰鋱鋶鋸鋼錁錄錆錇錈錐錒錕錘錙錚錛錟錠錢錦錨錫錮錯録錳錶錸" +
      "錼鍀鍁鍃鍅鍆鍇鍊鍋鍍鍔鍘鍛鍤鍥鍩鍬鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎖鎘鎚鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎳鎵鎸鎿鏃鏇鏈鏌鏍鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏨鏵鏷鏹鏽鐃鐋鐐鐒鐓鐔鐘鐙鐝鐠鐦鐧鐨鐫鐮鐲鐳鐵鐸鐺鐿鑄鑊鑌鑑" +
      "鑒鑔鑠鑣鑥鑭鑰鑲鑷鑹鑼鑽鑾鑿钁長門閂閃閆閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闊闋闌闐闔闕闖關闞闡闢闥陘陝陞陣陰陳陸陽隉隊階隕際隨險隱隴隸隻雋雖雙雛雜雞離" +
      "難雲電霑霧霽靂靄靈靚靜靦靨鞏鞝鞦鞽韁韃韆韉韋韌韓韙韜韝韞韻響頁頂頃項順頇須頊頌頎頏預頑頒頓頗領頜頡頤頦頭頰頷頸頹頻頽顆題額顎顏顓顔願顙顛類顢顥顧顫顬顯顰顱顳顴風颮颯颱颳颶颼飄飆飈飛" +
      "飠飢飩飪飫飭飯飱飲飴飼飽飾餃餅餈餉養餌餑餒餓餘餚餛餞餡館餬餱餳餵餷餼餾餿饃饅饈饉饊饋饌饑饒饗饜饞饢馬馭馮馱馳馴駁駐駑駒駔駕駘駙駛駝駟駡駢駭駱駿騁騅騍騎騏騖騙騫騭騮騰騶騷騸騾驀驁驂驃" +
      "驄驅驊驍驏驕驗驚驛驟驢驤驥驪骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱魎魘魚魯魴魷鮁鮃鮎鮐鮑鮒鮚鮝鮞鮪鮫鮭鮮鯀鯁鯇鯉鯊鯔鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯽鯿鰈鰉鰍鰐鰒鰓鰠鰣鰥鰨鰩鰭鰱鰲鰳鰵鰷鰹鰻" +
      "鰾鱅鱈鱉鱒鱔鱖鱗鱘鱝鱟鱧鱭鱷鱸鱺鳥鳧鳩鳬鳳鳴鳶鴆鴇鴉鴕鴛鴝鴟鴣鴦鴨鴯鴰鴻鴿鵂鵑鵒鵓鵜鵝鵠鵡鵪鵬鵯鵰鵲鶇鶉鶓鶘鶚鶥鶩鶯鶴鶻鶼鶿鷀鷂鷄鷓鷗鷙鷚鷥鷦鷯鷲鷳鷴鷸鷹鷺鸌鸕鸚鸛鸝鸞鹵鹹鹺鹼鹽麗" +
      "麥麩麪麫麯麵麼黃黌點黨黲黴黷黽黿鼉鼕鼴齊齋齎齏齒齔齙齜齟齠齡齣齦齧齪齬齲齶齷龍龐龔龕龜";
  var SIMPLIFIED = "丢并乱亘亚伫布占并来仑侣局俣系侠私伥俩仓个们幸伦伟侧侦伪杰伧伞备家佣偬传伛债伤倾偻仅佥侨仆伪侥偾雇价仪俊侬亿侩俭傧俦侪尽偿优储俪傩傥俨凶兑儿兖内两册胄幂净冻凛凯别删刭则克刹刚剥剐剀" +
      "创铲划札剧刘刽刿剑剂劲动务勋胜劳势劢勋励劝匀匦汇匮区协恤却即厍厕历厌厉厣参叁丛吴呐吕呙员呗念问启哑启唤丧吃乔单哟呛啬吗呜唢哔叹喽呕啧尝唛哗唠啸叽哓呒恶嘘咝哒哝哕嗳哙喷吨当咛吓哜尝噜" +
      "啮咽呖咙向喾严嘤啭嗫嚣冁呓苏嘱囱囵国围园圆图团坝垭采执坚垩垴埚尧报场块茔垲埘涂冢坞埙尘堑垫坠堕坛坟墙垦坛埙压垒圹垆坛坏垄垅坜坝壮壶寿够梦夹奂奥奁夺奖奋姹妆姗奸娱娄妇娅娲妫媪妈袅妪妩" +
      "娴娴妫娆婵娇嫱嫒嬷嫔婴婶娘娈孙学孪宫采寝实宁审写宽宠宝将专寻对导尴届尸屉屡层屦属冈峰岘岛峡崃昆岗仑峥岽岚岁嵝崭岖崂峤峄嵘岭屿岳岿峦巅岩巯卺帅师帐带帧帏帼帻帜币帮帱并干几库厕厢厩厦荫" +
      "厨厮庙厂庑废广廪庐厅弑吊弪张强别弹弥弯录汇彦雕佛后径从徕复征彻恒耻悦怅闷凄恶恼恽恻爱惬悫怆恺忾栗态愠惨惭恸惯悫怄怂虑悭庆戚欲忧惫怜凭愦惮愤悯怃宪忆恳应怿懔蒙怼懑恹惩懒怀悬忏惧慑恋戆" +
      "戋戗戬战戏户捍抛挲挟舍扪卷扫抡挣挂采拣扬换挥损摇捣扇抢掴掼搂挚抠抟掺捞撑挠挢掸拨抚扑揿挞挝捡拥掳择击挡担据挤抬捣拟摈拧搁掷扩撷摆擞撸扰摅撵拢拦撄搀撺携摄攒挛摊搅揽教败叙敌数敛毙斓斩" +
      "断于旗既升时晋昼晕晖畅暂晔历昙晓向暧旷晒书会胧术东拐栅拐查杆栀枧条枭弃棋枨枣栋栈栖桠杨枫桢业极干杩荣桤构枪杠椠椁桨桩乐枞梁楼标枢样朴树桦桡桥机椭横檩柽档桧检樯台槟柠槛柜橹榈栉椟橼栎" +
      "橱槠栌枥橥榇蘖栊榉樱栏榉权椤栾榄棂钦叹欧欤欢岁历归殁残殒殇殚僵殓殡歼杀壳壳毁殴毵牦毡氇气氢氩氲泛泛污决没冲况溯泄汹浃泾凉凄泪渌净凌沦渊涞浅涣减涡测浑凑浈涌汤沩准沟温湿沧灭涤荥汇沪滞" +
      "渗卤浒滚满渔沤汉涟渍涨溆渐浆颍泼洁沩潜润浔溃滗涠涩浇涝涧渑泽泶浍淀浊浓湿泞蒙济涛滥潍滨溅泺滤滢渎泻沈浏濒泸沥潇潆潴泷濑弥潋澜沣滠洒漓滩灏湾滦滟滟灾为乌烃无炼炜烟茕焕烦炀荧炝热炽烨灯" +
      "炖烧烫焖营灿毁烛烩熏烬焘烁炉烂争为爷尔床墙牍抵牵荦牦犊牺状狭狈狰犹狲犸呆狱狮奖独狯猃狞获猎犷兽獭献猕猡现雕珐珲玮琐瑶莹玛琏玑瑷环玺璇琼珑璎瓒瓯瓮产产亩毕画异画当畴叠痉酸疴痖疯疡痪瘗" +
      "疮疟瘘瘘疗痨痫瘅愈疠瘪痴痒疖症疬癞癣瘿瘾痈瘫癫发皂皑疱皲皱杯盗盏尽监盘卢荡真眦众困睁睐眍瞒睑蒙瞩矫朱硖砗砚硕砀砜确码砖碜碛矶硗础碍矿砺砾矾砻秘禄祸祯御禅礼祢祷秃籼税秆棱禀种称谷稣积" +
      "颖穑秽稳获窝洼穷窑窭窥窜窍窦灶窃竖竞笔笋笕个笺筝札节范筑箧笃筛筚箦篓蓑箪简篑箫签帘篮筹箨籁笼签笾簖篱箩吁粤粽糁粪粮团粝籴粜纟纠纪纣约红纡纥纨纫纹纳纽纾纯纰纱纸级纷纭纺扎细绂绁绅绍绀" +
      "绋绐绌终弦组绊绗结绝绦绔绞络绚给绒统丝绛绝绢绑绡绠绨绣绥捆经综缍绿绸绻线绶维绾纲网绷缀彩纶绺绮绽绰绫绵绲缁紧绯绿绪绱缃缄缂线缉缎缔缗缘缌编缓缅纬缑缈练缏缇致萦缙缢缒绉缣缚缜缟缛县绦" +
      "缝缡缩纵缧纤缦絷缕缥总绩绷缫缪缯织缮缭绕绣缋绳绘系茧缰缳缲缴绎继缤缱缬纩续累缠缨才纤缵缆钵坛罂坛罚骂罢罗罴羁芈群羟羡义膻习玩翘耧耢圣闻联聪声耸聩聂职聍听聋肃胁脉胫唇修脱胀肾胨脶脑肿" +
      "脚肠腽肤胶腻胆脍脓脸脐膑腊胪脏脔卧临台与兴举旧铺馆舱舣舰舻艰艳刍苎兹荆庄茎荚苋华庵苌莱万莴叶荭荮苇药荤搜莼莳莅苍荪席盖莲苁莼荜卜参蒌蒋葱茑荫荨蒇荞荬芸莸荛蒉荡芜萧蓣荟蓟芗姜蔷莶荐萨" +
      "荠蓝荩艺药薮蕴苈蔼蔺蕲芦苏蕴苹藓蔹茏兰蓠萝处虚虏号亏虬蛱蜕蚬蚀猬虾虱蜗蛳蚂萤蝼蛰蝈螨虮蝉蛲虫蛏蚁蝇虿蝎蛴蝾蚝蜡蛎蛊蚕蛮众蔑术同胡卫冲衮袅里补装里制复裤裢褛亵裥裥袄裣裆褴袜摆衬袭核见" +
      "规觅视觇觋觎亲觊觏觐觑觉览觌观觞觯触讠订讣计讯讧讨讦训讪讫托记讹讶讼诀讷访设许诉诃诊注证诂诋讵诈诒诏评诎诅词咏诩询诣试诗诧诟诡诠诘话该详诜诙诖诔诛诓夸志认诳诶诞诱诮语诚诫诬误诰诵诲" +
      "说说谁课谇诽谊调谄谆谈诿请诤诹诼谅论谂谀谍谝谥诨谔谛谐谏谕咨讳谙谌讽诸谚谖诺谋谒谓誊诌谎谜谧谑谡谤谦谥讲谢谣谣谟谪谬谫讴谨谩哗证谲讥谮识谯谭谱噪谵毁译议谴护誉谫读变雠谗让谰谶赞谠谳" +
      "溪岂竖丰艳猪狸猫贝贞负财贡贫货贩贪贯责贮贳赀贰贵贬买贷贶费贴贻贸贺贲赂赁贿赅资贾贼赈赊宾赇赉赐赏赔赓贤卖贱赋赕质赍账赌赖赚赙购赛赜贽赘赠赞赝赡赢赆赃赎赝赣赃赶赵趋趱迹践逾踊跄跸迹跖" +
      "蹒踪跷趸踌跻跃踯跞踬蹰跹蹑蹿躜躏躯车轧轨军轩轫轭软轷轸轱轴轵轺轲轶轼较辂辁载轾辄挽辅轻辆辎辉辋辍辊辇辈轮辑辏输辐辗舆毂辖辕辘转辙轿辚轰辔轹轳办辞辫辩农回径这连周进游运过达违遥逊递远" +
      "溯适迟绕迁选遗辽迈还迩边逻逦郏邮郓乡邹邬郧邓郑邻郸邺郐邝郦腌酝丑酝医酱酿衅酾酽释厘钅钆钇钌钊钉钋针钓钐扣钏钒钗钍钕钎钯钫钭钥钚钠钝钩钤钣钞钮钧钟钙钬钛钪铌铈钶铃钴钹铍钰钸铀钿钾巨钻" +
      "铊铉铋铂钷钳铆铅钺钵钩钲钼钽锫铰铒铬铪银铳铜铣铨铢铭铫衔铑铷铱铟铵铥铕铯铐铞锐销锈锑锉铝锒锌钡铤铗锋锊锓铘锄锃锔锇铺锐铖锆锂铽锍锯钢锞录锖锫锩锥锕锟锤锱铮锛锬锭钱锦锚锡锢错录锰表铼" +
      "镎锝锨锪钫钔锴炼锅镀锷铡锻锸锲锘锹锾键锶锗针钟镁锿镅镑镰锁镉锤钨蓥镏铠铩锼镐镇镇镒镍镓镌镎镞旋链镆镙镝铿锵镗镘镛铲镜镖镂錾铧镤镪锈铙铴镣铹镦镡钟镫镢镨锎锏镄镌镰镯镭铁铎铛镱铸镬镔鉴" +
      "鉴镲铄镳镥镧钥镶镊镩锣钻銮凿镢长门闩闪闫闭开闶闳闰闲闲间闵闸阂阁合阀闺闽阃阆闾阅阅阊阉阎阏阍阈阌阒板暗闱阔阕阑阗阖阙闯关阚阐辟闼陉陕升阵阴陈陆阳陧队阶陨际随险隐陇隶只隽虽双雏杂鸡离" +
      "难云电沾雾霁雳霭灵靓静腼靥巩绱秋鞒缰鞑千鞯韦韧韩韪韬鞲韫韵响页顶顷项顺顸须顼颂颀颃预顽颁顿颇领颌颉颐颏头颊颔颈颓频颓颗题额颚颜颛颜愿颡颠类颟颢顾颤颥显颦颅颞颧风飑飒台刮飓飕飘飙飚飞" +
      "饣饥饨饪饫饬饭飧饮饴饲饱饰饺饼糍饷养饵饽馁饿余肴馄饯馅馆糊糇饧喂馇饩馏馊馍馒馐馑馓馈馔饥饶飨餍馋馕马驭冯驮驰驯驳驻驽驹驵驾骀驸驶驼驷骂骈骇骆骏骋骓骒骑骐骛骗骞骘骝腾驺骚骟骡蓦骜骖骠" +
      "骢驱骅骁骣骄验惊驿骤驴骧骥骊肮髅脏体髌髋发松胡须鬓斗闹哄阋阄郁魉魇鱼鲁鲂鱿鲅鲆鲇鲐鲍鲋鲒鲞鲕鲔鲛鲑鲜鲧鲠鲩鲤鲨鲻鲭鲞鲷鲴鲱鲵鲲鲳鲸鲮鲰鲶鲺鲫鳊鲽鳇鳅鳄鳆鳃鳋鲥鳏鳎鳐鳍鲢鳌鳓鳘鲦鲣鳗" +
      "鳔鳙鳕鳖鳟鳝鳜鳞鲟鲼鲎鳢鲚鳄鲈鲡鸟凫鸠凫凤鸣鸢鸩鸨鸦鸵鸳鸲鸱鸪鸯鸭鸸鸹鸿鸽鸺鹃鹆鹁鹈鹅鹄鹉鹌鹏鹎雕鹊鸫鹑鹋鹕鹗鹛鹜莺鹤鹘鹣鹚鹚鹞鸡鹧鸥鸷鹨鸶鹪鹩鹫鹇鹇鹬鹰鹭鹱鸬鹦鹳鹂鸾卤咸鹾碱盐丽" +
      "麦麸面面曲面么黄黉点党黪霉黩黾鼋鼍冬鼹齐斋赍齑齿龀龅龇龃龆龄出龈啮龊龉龋腭龌龙庞龚龛龟";
  var HANT = new Map(Array.from(TRADITIONAL).map(function (t, i) { return [t, SIMPLIFIED[i]]; }));
  var HANT_CHARS = new RegExp("[" + TRADITIONAL + "]", "g");
  var PAGE = 20, CHUNK = 30, NEAR = 6, ECHO = 40;
  // the characters of a query that are looked up: every piece of a query fetches a part of the index, and a pasted page
  // of 2,000 characters would fetch as many parts (megabytes on a phone's data plan); the longest title is shorter
  var LONGEST_QUERY = 200;
  var KINDS = { item: "公开事项", town: "乡镇" };
  var base = new URL("../search/", document.currentScript.src);
  var files = new Map(), meta = null, syllables = null, current = null;

  // every part of the index is asked of the server again (a 304 when unchanged), never taken from the browser's cache
  // unasked: a server that sends no Cache-Control lets a browser keep a file for a tenth of its age, and a computer at
  // a 公开查阅点 went on finding, with its title and text, a notice the site had withdrawn days before
  function load(path) {
    if (!files.has(path)) {
      files.set(path, fetch(new URL(path, base), { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(path + " " + response.status);
        return response.arrayBuffer();
      }).then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes); // the server unzipped it
        return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
      }).then(JSON.parse));
    }
    return files.get(path);
  }

  var CRC = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();
  function crc32(text) {
    var bytes = new TextEncoder().encode(text), c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  // ---- units and keys (tokens.py) ----
  function normalize(text) { return folded(text).replace(YEAR_NIAN, "$1 ").replace(ZEROS, ""); }
  function folded(text) { // 臨時救助 as 临时救助 (hant.py); ü typed v (pinyin)
    return text.normalize("NFKC").replace(HANT_CHARS, function (c) { return HANT.get(c); }).toLowerCase().replace(/ü/g, "v");
  }
  function units(text) { return (normalize(text).match(UNIT) || []).filter(function (u) { return u !== "\n"; }); }
  function key(parts) { return parts.map(function (p) { return ONE_CJK.test(p) ? p : p + " "; }).join(""); }
  function queryKeys(parts) {
    if (parts.length === 1) return ONE_CJK.test(parts[0]) ? [] : [key(parts)];
    var width = parts.length === 2 ? 2 : 3, found = [];
    for (var i = 0; i + width <= parts.length; i++) {
      var k = key(parts.slice(i, i + width));
      if (found.indexOf(k) < 0) found.push(k);
    }
    return found;
  }
  // units with where they stand in the original text, for checking a match and marking it
  function located(text) {
    var norm = "", starts = [], ends = [], at = 0, found = [], match;
    for (var ch of text) {
      var n = folded(ch);
      for (var k = 0; k < n.length; k++) { starts.push(at); ends.push(at + ch.length); }
      norm += n; at += ch.length;
    }
    norm = norm.replace(YEAR_NIAN, "$1 ");
    UNIT.lastIndex = 0;
    while ((match = UNIT.exec(norm))) {
      var after = norm[match.index + match[0].length] || "";
      var u = "号月日".indexOf(after) >= 0 && after ? match[0].replace(/^0+(?=[0-9])/, "") : match[0]; // ZEROS
      found.push({ u: u, w: match[0], s: starts[match.index], e: ends[match.index + match[0].length - 1] });
    }
    return found;
  }
  function spans(text, sequences) {
    var all = located(text || ""), found = [];
    sequences.forEach(function (seq) {
      for (var i = 0; i + seq.length <= all.length; i++) {
        var k = 0;
        // a way that dropped the zeros of its last number (012 for 012号) holds only where the page writes them
        while (k < seq.length && all[i + k].u === seq[k] && (k !== seq.at || all[i + k].w === seq.zeros)) k++;
        if (k === seq.length) found.push({ s: all[i].s, e: all[i + k - 1].e, n: seq.length, of: all.length });
      }
    });
    return found.sort(function (a, b) { return a.s - b.s; });
  }

  // ---- the index ----
  function lookup(k) {
    return load("s/" + (crc32(k) % meta.shards) + ".json.gz").then(function (shard) { return shard[k]; });
  }
  // postings (differences; −n: n more of the difference before) → Map(page → 1 when in title, 文号 or 索引号)
  function pages(value) {
    var found = new Map(), sum = 0, last = 0;
    if (!Array.isArray(value)) return found;
    value.forEach(function (d) {
      for (var n = d < 0 ? -d : 1, step = d < 0 ? last : d; n > 0; n--) { sum += step; found.set(sum >> 1, sum & 1); }
      if (d >= 0) last = d;
    });
    return found;
  }
  function count(value) {
    return Array.isArray(value) ? value.reduce(function (n, d) { return n + (d < 0 ? -d : 1); }, 0) : 0;
  }
  function both(a, b) {
    var found = new Map(), small = a.size <= b.size ? a : b, large = small === a ? b : a;
    small.forEach(function (head, page) { if (large.has(page)) found.set(page, head & large.get(page)); });
    return found;
  }

  // ---- pinyin (pinyin.py): dibao → di bao → 低保; db → d b → 低保 ----
  function cuts(letters, fuzzy) { // *fuzzy*: a syllable may be one typed for another (fuzzed())
    // lüe and nüe are typed lue and nue as often as lve and nve (pinyin keyboards take both; no lue or nue is
    // Mandarin): 战略 zhanlue, 虐待 nuedai read as pypinyin writes them, zhan lve and nve dai
    letters = letters.replace(/([ln])ue/g, "$1ve");
    var memo = {};
    function from(i) {
      if (i === letters.length) return [[]];
      if (memo[i]) return memo[i];
      var found = [];
      for (var j = Math.min(letters.length, i + 6); j > i; j--) {
        if (fuzzy ? !fuzzed(letters.slice(i, j)).length : !syllables.has(letters.slice(i, j))) continue;
        from(j).forEach(function (rest) { if (found.length < 8) found.push([letters.slice(i, j)].concat(rest)); });
      }
      return (memo[i] = found);
    }
    return from(0).sort(function (a, b) { return a.length - b.length; }).slice(0, 4);
  }
  // 模糊音: the sounds that speakers of southern Min (安溪) and of many dialects do not tell apart, and that pinyin
  // keyboards let them type for one another — z/zh, c/ch, s/sh, n/l, f/h, an/ang, en/eng, in/ing (殡葬 typed bingzang,
  // 临时救助 lingshijiuzhu, 婚姻登记 hunyingdengji): the syllables of titles and item names *syllable* may stand for,
  // itself first; none when it stands for none
  var FUZZY_HEADS = [["zh", "z"], ["ch", "c"], ["sh", "s"], ["n", "l"], ["h", "f"]];
  function fuzzed(syllable) {
    var heads = [syllable], found = [];
    FUZZY_HEADS.forEach(function (p) {
      var from = syllable.indexOf(p[0]) === 0 ? p[0] : syllable.indexOf(p[1]) === 0 && syllable.indexOf(p[0]) !== 0 ? p[1] : null;
      if (from !== null) heads.push((from === p[0] ? p[1] : p[0]) + syllable.slice(from.length));
    });
    heads.forEach(function (h) {
      [h, /ng$/.test(h) ? h.slice(0, -1) : /n$/.test(h) ? h + "g" : h].forEach(function (v) {
        if (syllables.has(v) && found.indexOf(v) < 0) found.push(v);
      });
    });
    return found;
  }
  // the words that sound as *letters* typed with 模糊音 say (fuzzed()), for when they say none as typed; the first two
  // ways of cutting them, each of at most FUZZY_KEYS readings of its pairs of syllables (each a part of the index to
  // fetch: on a phone's data plan, a mistyped word must not cost what a page of text does)
  var FUZZY_KEYS = 24;
  async function fuzzily(letters) {
    var ways = cuts(letters, true).slice(0, 2);
    for (var w = 0; w < ways.length; w++) {
      var cut = ways[w], keys = [], many = 0;
      if (cut.length < 2 || cut.length > 6) continue;
      for (var i = 0; i + 1 < cut.length; i++) {
        var next = fuzzed(cut[i + 1]);
        keys.push([].concat.apply([], fuzzed(cut[i]).map(function (a) {
          return next.map(function (b) { return "~" + a + " " + b; });
        })));
        many += keys[i].length;
      }
      if (many > FUZZY_KEYS) continue;
      var words = await weighed(await chain(keys));
      if (words.length) return words;
    }
    return [];
  }
  function merged(values) { // the words of the readings of one pair of syllables (fuzzily()), each with its largest count
    var all = null;
    values.forEach(function (v) {
      if (!v || Array.isArray(v)) return;
      all = all || {};
      Object.keys(v).forEach(function (w) { all[w] = Math.max(all[w] || 0, v[w]); });
    });
    return all;
  }
  // *keys*: of each pair of syllables, its key, or the keys of its readings (fuzzily())
  function chain(keys) {
    return Promise.all(keys.map(function (k) {
      return Array.isArray(k) ? Promise.all(k.map(lookup)).then(merged) : lookup(k);
    })).then(function (maps) {
      var found = [["", Infinity]];
      for (var i = 0; i < maps.length; i++) {
        var words = maps[i], next = [];
        if (!words || Array.isArray(words)) return [];
        found.forEach(function (f) {
          Object.keys(words).forEach(function (w) {
            var chars = Array.from(w), last = Array.from(f[0]).pop();
            if (i === 0) next.push([w, words[w]]);
            else if (last === chars[0]) next.push([f[0] + chars[1], Math.min(f[1], words[w])]);
          });
        });
        found = next.sort(function (a, b) { return b[1] - a[1]; }).slice(0, 20);
        if (!found.length) return [];
      }
      return found.slice(0, 6);
    });
  }
  // the words that sound so ([word, how many titles and item names say it]), the likeliest first: those counts
  // weighed by the pages holding the word (yl: 养老 14 × 44 pages before 国务院令's 院令 1 × 53; db: 低保 1 × 13
  // before 年度报告's 度报 2 × 2); a word on no page is left out
  function weighed(words) {
    return Promise.all(words.map(function (w) {
      return Promise.all(queryKeys(units(w[0])).map(lookup)).then(function (values) {
        return Math.min.apply(null, values.map(count));
      });
    })).then(function (counts) {
      return words.map(function (w, i) { return [w[0], counts[i] * w[1], counts[i]]; }).filter(function (p) { return p[2] > 0; })
        .sort(function (a, b) { return b[1] - a[1]; }).map(function (p) { return p[0]; });
    });
  }
  // initials typed with zh, ch, sh as some keyboards take them (shhjz, lshjz: 社会救助, 临时救助) are tried as z, c, s
  // when the letters read no other way (shjz alone is s h j z)
  async function sounds(letters, again) {
    var ways = cuts(letters);
    for (var w = 0; w < ways.length; w++) {
      var cut = ways[w], keys = [];
      if (cut.length < 2) continue;
      for (var i = 0; i + 1 < cut.length; i++) keys.push("~" + cut[i] + " " + cut[i + 1]);
      var words = await weighed(await chain(keys));
      if (words.length) return words;
    }
    var fuzzy = again ? [] : await fuzzily(letters);
    if (fuzzy.length) return fuzzy;
    if (ways.some(function (c) { return c.length === 1; }) || letters.length > 12) return [];
    var initials = [];
    for (var j = 0; j + 1 < letters.length; j++) initials.push("^" + letters[j] + letters[j + 1]);
    var heard = await weighed(await chain(initials));
    if (heard.length || again || !/[zcs]h/.test(letters)) return heard;
    return sounds(letters.replace(/([zcs])h/g, "$1"), true);
  }

  // ---- a query: words (AND), each one or more ways of writing it (OR) ----
  // a 文号's year and number are written 〔2026〕12号, 〔2026〕第12号 and 2026年第12号: each finds the others; so are
  // the numbers of 令 and 公告 (国务院令第649号, 国务院令649号: 第 before a number and 号 may be left out or added)
  function docNumberWays(parts) {
    var bare = [], ways = [parts];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === "第" && NUMBER.test(parts[i + 1] || "") && parts[i + 2] === "号") continue;
      bare.push(parts[i]);
      if (!YEAR.test(parts[i])) continue;
      var j = i + 1;
      if (parts[j] === "年") j++;
      if (parts[j] === "第") j++;
      if (j > i + 1 && NUMBER.test(parts[j] || "")) i = j - 1;
    }
    [bare, withDi(bare)].forEach(function (way) {
      if (!ways.some(function (w) { return w.join("\n") === way.join("\n"); })) ways.push(way);
    });
    return ways;
  }
  // every way *parts* may stand in a page: its 文号 writings, and at its ends what the page's own text dropped —
  // a query ending 2026年 where the page reads 2026年12月 (the page has 2026 12), one starting 年12 (2026年12),
  // one ending 012 where the page reads 012号 (the page has 12号: that way is …12号, and a page holds it only where
  // it writes 012 before 号 — .zeros at .at — so 00031 is not 31号, nor 023222619 23222619)
  function writings(parts) {
    var ways = docNumberWays(parts), last = parts.length - 1;
    function add(way) { if (!ways.some(function (w) { return w.join("\n") === way.join("\n"); })) ways.push(way); }
    if (last > 0 && parts[last] === "年" && YEAR.test(parts[last - 1])) add(parts.slice(0, last));
    if (last > 0 && parts[0] === "年" && NUMBER.test(parts[1])) add(parts.slice(1));
    // 安民〔2026〕12号文, 12号文件: how people name a document by its 文号; pages write the 文号 alone
    for (var tail = 1; tail <= 2; tail++) {
      var end = parts.slice(last - tail + 1).join("");
      if (last - tail >= 1 && (end === "文" || end === "文件") && parts[last - tail] === "号" &&
          NUMBER.test(parts[last - tail - 1])) docNumberWays(parts.slice(0, last - tail + 1)).forEach(add);
    }
    phoned(parts).forEach(add);
    // a date typed 2026-11-18, 2026.11.18 or 2026/11/18 (and 2026-11 alone): pages write 2026年11月18日
    var date = parts.join(" ").match(/^(.*?)\b((?:19|20)[0-9]{2}) ([0-9]{1,2})(?: ([0-9]{1,2}))?\b(.*)$/);
    if (date && dated(date)) {
      var day = [date[2], String(Number(date[3])), "月"].concat(date[4] ? [String(Number(date[4])), "日"] : []);
      add(units(date[1]).concat(day, units(date[5])));
    }
    // a day said with 号 (6月26号, 2026年4月10号: how people say a date): pages write 6月26日
    var said = parts.map(function (p, i) {
      var month = Number(parts[i - 3]), day = Number(parts[i - 1]);
      return p === "号" && parts[i - 2] === "月" && NUMBER.test(parts[i - 3] || "") && NUMBER.test(parts[i - 1]) &&
        month >= 1 && month <= 12 && day >= 1 && day <= 31 ? "日" : p;
    });
    add(said);
    if (/^0+[0-9]/.test(parts[last])) {
      var zeroed = parts.slice(0, last).concat([parts[last].replace(/^0+(?=[0-9])/, ""), "号"]);
      zeroed.zeros = parts[last];
      zeroed.at = last;
      ways.push(zeroed);
    }
    return ways;
  }
  // a telephone number typed as a phone shows it, its digits run together (0595 and 23222619 typed as one number: an
  // elderly reader checking that the number that called her is the bureau's), is written by pages with a dash, and one
  // typed with a dash may be written whole: each is a way of the other — a 区号 of three or four digits (010, 0595)
  // and seven or eight more; no other number is so cut (a mobile number is never published: privacy/outputs.py)
  var LANDLINE = /^0[1-9][0-9]{8,10}$/, AREA = /^0[1-9][0-9]{1,2}$/;
  function phoned(parts) {
    var found = [];
    parts.forEach(function (p, i) {
      [3, 4].forEach(function (area) { // 059523222619: 0595 23222619
        if (LANDLINE.test(p) && p.length - area >= 7 && p.length - area <= 8) {
          found.push(parts.slice(0, i).concat([p.slice(0, area), p.slice(area)], parts.slice(i + 1)));
        }
      });
      var whole = p + (parts[i + 1] || ""); // 0595-23222619: 059523222619
      if (AREA.test(p) && NUMBER.test(parts[i + 1] || "") && LANDLINE.test(whole)) {
        found.push(parts.slice(0, i).concat([whole], parts.slice(i + 2)));
      }
    });
    return found;
  }
  // the parts of a date typed with numbers alone: a month 1–12 and a day 1–31; a month alone only when the word is
  // nothing else (2026-11), never a piece of a code (MZ-2026-11, 2026-11-0007)
  function dated(m) {
    var month = Number(m[3]), day = m[4] === undefined ? null : Number(m[4]);
    if (month < 1 || month > 12 || day !== null && (day < 1 || day > 31)) return false;
    return day !== null ? !/^[0-9]/.test(m[5].trim()) && !/[0-9]$/.test(m[1].trim()) : !m[1].trim() && !m[5].trim();
  }
  function withDi(parts) {
    var found = [];
    parts.forEach(function (p, i) {
      var next = parts[i + 1] || "";
      found.push(p);
      // a 令's number ending the word is its number too (国务院令711: 国务院令第711号), as 号 is left out of a 文号
      if (NUMBER.test(next) && (YEAR.test(p) || p !== "第" && !NUMBER.test(p) && parts[i + 2] === "号" ||
                                p === "令" && i + 2 === parts.length)) found.push("第");
    });
    return found;
  }
  // pinyin as people type it: tone marks (dībǎo, lǜ) and apostrophes (xi'an) folded away — only for a query of
  // letters alone (or with tone numbers, toneless()), since the index does not fold accents in text
  function spoken(query) {
    var plain = query.normalize("NFD").replace(/[uU]\u0308/g, "v").replace(/[\u0300-\u036f]/g, "").replace(/['’‘ʼ]/g, "");
    return /^[a-z0-5\s]*[a-z][a-z0-5\s]*$/.test(folded(plain)) ? plain : query;
  }
  // words part where the query has a space or a mark that ends a word (低保、特困人员, 低保,特困: two words, the pages
  // holding them together first), never inside a 文号, 索引号 or date (〔〕 - . / stay inside a word); quotation marks
  // close a word too (“低保”“公积金” is two words, as 低保 公积金 is, never the one word 低保公积金 that no page holds)
  var QUOTES = "“”「」『』\"＂", APART = new RegExp("[\\s，,、；;。！!？?" + QUOTES + "]+");
  // characters typed apart (低 保, 社 会 救 助): a run of one-character pieces is one word
  function joined(query) {
    var found = [], alone = false;
    query.split(APART).forEach(function (raw) {
      var parts = units(raw), one = parts.length === 1 && ONE_CJK.test(parts[0]);
      if (!parts.length) return; // nothing to search (plan() would skip it)
      if (one && alone) found[found.length - 1] += raw; else found.push(raw);
      alone = one;
    });
    return found;
  }
  // pinyin typed beside characters (dibao标准, 特困renyuan, tk人员): each run of letters beside a character read as
  // the word it sounds like, the first reading that some page holds together with the characters; null when none, or
  // when a page holds the letters as typed (MZ系统, an abbreviation a page writes so)
  async function mixed(parts) {
    var read = parts.map(function (p) { return [p]; }), changed = false;
    if (await held(parts)) return null;
    for (var i = 0; i < parts.length; i++) {
      if (!/^[a-z]{2,}$/.test(parts[i]) || !(ONE_CJK.test(parts[i - 1] || "") || ONE_CJK.test(parts[i + 1] || ""))) continue;
      var heard = await sounds(parts[i]), before = read;
      for (var h = 0; h < heard.length; h++) {
        var tried = read.slice(0, i).concat([units(heard[h])], read.slice(i + 1));
        if (await held([].concat.apply([], tried))) { read = tried; changed = true; break; }
      }
      if (read === before && (read = await spokenChar(read, i, parts[i])) !== before) changed = true;
    }
    return changed ? [].concat.apply([], read) : null;
  }
  // one syllable typed among characters (临shi救助, gao龄津贴, 低bao, 特困ren员): the character of titles and item names
  // read so that makes, with the characters standing beside it, a run some page holds (the likeliest first); *read*
  // unchanged when none does; the syllables it may be typed for (模糊音, fuzzed(): bing葬 → 殡葬) when it reads as none
  async function spokenChar(read, i, letters, fuzzy) {
    var chars = fuzzy ? merged(await Promise.all(fuzzy.map(function (s) { return lookup("~" + s); })))
                      : await lookup("~" + letters);
    var others = fuzzy ? [] : fuzzed(letters).filter(function (s) { return s !== letters; });
    if (!chars || Array.isArray(chars)) return others.length ? spokenChar(read, i, letters, others) : read;
    var likely = Object.keys(chars).sort(function (a, b) { return chars[b] - chars[a] || (a < b ? -1 : 1); });
    for (var c = 0; c < Math.min(likely.length, 12); c++) {
      var tried = read.slice(0, i).concat([[likely[c]]], read.slice(i + 1));
      if (await held(beside(tried, i))) return tried;
    }
    return others.length ? spokenChar(read, i, letters, others) : read;
  }
  function beside(read, i) { // the characters that stand together with read[i] (a character), read[i] among them
    var all = [].concat.apply([], read), at = [].concat.apply([], read.slice(0, i)).length, from = at, to = at + 1;
    while (from > 0 && ONE_CJK.test(all[from - 1])) from--;
    while (to < all.length && ONE_CJK.test(all[to])) to++;
    return all.slice(from, to);
  }
  function held(parts) { // true when some page holds every key of *parts*
    return Promise.all(queryKeys(parts).map(lookup)).then(function (values) {
      var all = null;
      values.forEach(function (v) { all = all ? both(all, pages(v)) : pages(v); });
      return !!all && all.size > 0;
    });
  }
  // the letters of pinyin typed with tone numbers (di1bao3, dibao3, lv4shi1): runs of letters, each followed by one
  // digit 0–5 (the last one maybe not), two syllables or more; null for anything else (MZ2026, a12, mz2, 350524 MZ),
  // and sounds() reads them as any letters typed apart
  function toneless(parts) {
    var letters = [], tones = 0, two = false;
    for (var i = 0; i < parts.length; i++) {
      if (/^[a-z]+$/.test(parts[i])) {
        two = two || letters.length > 0 || cuts(parts[i]).some(function (c) { return c.length > 1; });
        letters.push(parts[i]);
      } else if (/^[0-5]$/.test(parts[i]) && /^[a-z]+$/.test(parts[i - 1] || "")) tones++;
      else return null;
    }
    return tones && two ? letters : null;
  }
  // the words of titles and item names a run of pinyin says one after another (di bao biao zhun: 低保, 标准), each of two
  // syllables or more, the longest first; null when the syllables cannot all be so read (a phrase of up to 12)
  async function phrases(letters) {
    var ways = cuts(letters);
    for (var w = 0; w < ways.length; w++) {
      if (ways[w].length < 4 || ways[w].length > 12) continue;
      var found = await parted(ways[w]);
      if (found) return found;
    }
    return null;
  }
  async function parted(cut) {
    for (var k = cut.length - 2; k >= 2; k--) {
      var head = await reading(cut.slice(0, k));
      if (!head.length) continue;
      var tail = await reading(cut.slice(k));
      if (tail.length) return [head[0], tail[0]];
      var rest = cut.length - k >= 4 ? await parted(cut.slice(k)) : null;
      if (rest) return [head[0]].concat(rest);
    }
    return null;
  }
  async function reading(cut) { // the words that sound as *cut* says, the likeliest first (sounds() for one cut)
    var keys = [];
    for (var i = 0; i + 1 < cut.length; i++) keys.push("~" + cut[i] + " " + cut[i + 1]);
    return keys.length ? weighed(await chain(keys)) : [];
  }
  // letters between two numbers are part of a code typed apart (350524 MZ 2026 00007, a 索引号), not pinyin
  function coded(raws, n) {
    var before = units(raws[n - 1] || "").pop() || "", after = units(raws[n + 1] || "")[0] || "";
    return NUMBER.test(before) && NUMBER.test(after);
  }
  async function plan(query) {
    query = spoken(query);
    var words = [], short = [], all = units(query), letters = (toneless(all) || all).join("");
    // pinyin typed apart: di bao, Di Bao, di-bao, di·bao (letters alone, in more than one piece), or with tone
    // numbers (di1bao3, di4 bao3)
    if (all.length > 1 && /^[a-z]{2,}$/.test(letters)) {
      var apart = await sounds(letters);
      if (apart.length) {
        words.push({ raw: query.trim(), ways: [[letters], units(apart[0])], said: apart[0], others: apart.slice(1) });
        return { words: words, short: short, phrase: null };
      }
      var whole = await spokenWords(letters, query.trim());
      if (whole) return { words: whole.words, short: short, phrase: whole.line, heard: [whole.heard] };
    }
    var raws = joined(query), line = [], notes = [];
    for (var n = 0; n < raws.length; n++) {
      var raw = raws[n], parts = units(raw), apartAt = await numberApart(raw, parts);
      if (apartAt) { raws.splice.apply(raws, [n, 1].concat(apartAt)); raw = raws[n]; parts = units(raw); }
      if (!parts.length) continue;
      if (parts.length === 1 && ONE_CJK.test(parts[0])) { short.push(raw); line = line.concat(parts); continue; }
      // a word typed twice (低保，低保; a list pasted with its repeats) is one word: never 「同时包含“低保”和“低保”」,
      // nor 200 links to the same search
      if (words.some(function (w) { return w.ways[0].join("\n") === parts.join("\n"); })) { line = line.concat(parts); continue; }
      var word = { raw: raw, ways: writings(parts), said: "", others: [] };
      if (parts.length === 1 && /^[a-z]{2,}$/.test(parts[0]) && !coded(raws, n)) {
        var heard = await sounds(parts[0]), split = heard.length ? null : await spokenWords(parts[0], raw);
        if (heard.length) { word.said = heard[0]; word.others = heard.slice(1); word.ways.push(units(heard[0])); }
        if (split) { words = words.concat(split.words); line = line.concat(split.line); notes.push(split.heard); continue; }
      } else {
        var read = await mixed(parts);
        if (read) { word.said = read.join(""); word.ways.push(read); }
      }
      words.push(word);
      line = line.concat(parts);
    }
    // words typed apart (安民 〔2026〕 12 号): the pages holding them together rank first
    var phrase = words.length > 1 ? (notes.length ? line : units(query)) : null;
    return { words: words, short: short, phrase: phrase, heard: notes };
  }
  // a phrase in pinyin that no title says whole (dibaobiaozhun, dibao shenqing): the words of titles and item names it
  // is made of, each a word of the query (searched together); null when it cannot be so read, or when some page writes
  // the letters as they are typed
  async function spokenWords(letters, raw) {
    var split = await held([letters]) ? null : await phrases(letters);
    if (!split) return null;
    split = split.filter(function (w, i) { return split.indexOf(w) === i; }); // dibao dibao: 低保 once
    return { words: split.map(function (w) { return { raw: w, ways: [units(w)], said: "", others: [] }; }),
             line: units(split.join("")), heard: "“" + raw + "”按拼音查找" + split.map(function (w) { return "“" + w + "”"; }).join("") };
  }
  async function matches(words, filters) {
    var wanted = [];
    words.forEach(function (w) { w.ways.forEach(function (p) { wanted = wanted.concat(queryKeys(p)); }); });
    filters.forEach(function (f) { wanted.push("=" + f[0] + "=" + f[1]); });
    var values = new Map();
    await Promise.all(wanted.map(function (k) { return lookup(k).then(function (v) { values.set(k, v); }); }));
    var found = null, some = new Set();
    words.forEach(function (w) {
      var any = new Map();
      w.ways.forEach(function (parts) {
        var keys = queryKeys(parts), all = null;
        keys.forEach(function (k) { all = all ? both(all, pages(values.get(k))) : pages(values.get(k)); });
        (all || new Map()).forEach(function (head, page) { any.set(page, (any.get(page) || 0) | head); });
      });
      found = found ? both(found, any) : any;
      any.forEach(function (head, page) { if (head) some.add(page); });
    });
    filters.forEach(function (f) {
      var kept = pages(values.get("=" + f[0] + "=" + f[1]));
      kept.forEach(function (head, page) { kept.set(page, 1); });
      found = found ? both(found, kept) : new Map(Array.from(kept.keys()).map(function (p) { return [p, 0]; }));
    });
    found = found || new Map();
    found.some = some; // the pages with at least one word in the title, 文号 or 索引号 (coarse() ranks them next)
    return found;
  }
  // the words of a query that mixes numbers and Chinese (2026年低保, 低保2026), cut where they meet; null when no
  // word mixes them, when a piece is one character, or for what looks like a 文号, which is never cut: brackets, a
  // number before 号, a year and a number (安民〔2026〕1 is no 文号 there is, not 安民 and 2026 and 1)
  function pieces(words) {
    var found = [], cut = false;
    for (var w = 0; w < words.length; w++) {
      var parts = words[w].ways[0], groups = [];
      if (words[w].said || docNumbered(words[w].raw, parts)) return null;
      parts.forEach(function (p, i) {
        // 2026年: the year; but 年度, 年底 … begin the word after it (2025年度报告: 2025 and 年度报告, never 度报告)
        if (p === "年" && YEAR.test(parts[i - 1] || "") && !/^[度底初末终]$/.test(parts[i + 1] || "")) return;
        var last = groups[groups.length - 1];
        if (last && ONE_CJK.test(p) && ONE_CJK.test(last[last.length - 1])) last.push(p);
        else groups.push([p]);
      });
      if (groups.length > 1) cut = true;
      for (var g of groups) {
        if (g.length === 1 && ONE_CJK.test(g[0])) return null;
        // a piece said twice (12-12, 低保2026低保) is one word: never 「同时包含“12”和“12”」
        if (!found.some(function (f) { return f.raw === g.join(""); })) found.push({ raw: g.join(""), ways: [g], said: "", others: [] });
      }
    }
    return cut ? found : null;
  }
  function docNumbered(raw, parts) { // looks like a 文号: brackets, a number before 号, a year and a number
    return /[〔〕[\]()（）【】［］]/.test(raw) || parts.some(function (p, i) {
      return NUMBER.test(p) && (parts[i + 1] === "号" || YEAR.test(p) && NUMBER.test(parts[i + 1] || ""));
    });
  }
  // pinyin typed against a number (dibao2026, 2026年dibao, gaolingjintie2025, tk人员2026, 2026低保biaozhun): the word
  // typed apart where numbers meet the rest (dibao 2026), as 低保2026 is searched, each piece then read as typed apart;
  // null when some page holds the word as typed (MZ2026), for a 文号, for letters between two numbers (an 索引号), or
  // when a piece of letters alone is no full pinyin of two syllables or more (mz202699999 is a mistyped 索引号)
  var DIGITS = /[0-9\uff10-\uff19]/;
  async function numberApart(raw, parts) {
    var numbers = parts.some(function (p) { return NUMBER.test(p); });
    if (!numbers || !parts.some(function (p) { return /^[a-z]{2,}$/.test(p); }) || docNumbered(raw, parts) ||
        await held(parts)) return null;
    var found = [];
    Array.from(raw).forEach(function (c) {
      var last = found[found.length - 1];
      if (last !== undefined && DIGITS.test(c) === DIGITS.test(last[last.length - 1])) found[found.length - 1] += c;
      else found.push(c);
    });
    found = found.reduce(function (all, piece) { // 2026年dibao: 2026年 and dibao
      var before = all[all.length - 1];
      if (before !== undefined && YEAR.test(units(before).join("")) && piece[0] === "年") {
        all[all.length - 1] += "年";
        piece = piece.slice(1);
      }
      if (units(piece).length) all.push(piece); else if (all.length) all[all.length - 1] += piece;
      return all;
    }, []);
    for (var i = 0; i < found.length; i++) {
      var letters = units(found[i]);
      if (!letters.every(function (u) { return /^[a-z]+$/.test(u); })) continue;
      var full = cuts(letters.join("")).some(function (c) { return c.length > 1; });
      if (i > 0 && i + 1 < found.length || !full) return null;
    }
    return found.length > 1 ? found : null;
  }
  // the short names people say for what pages write in full (低保 for 最低生活保障; 五保, 五保户 for 特困人员, the name
  // that replaced them in 2014): a word on no page is looked for in full (低保办事指南 → 最低生活保障办事指南), and a
  // word that is found offers its full name; null when no word has a short name in it
  var SHORT = [["五保户", "特困人员"], ["五保", "特困人员"], ["低保", "最低生活保障"]];
  function renamed(words) {
    var changed = false, found = words.map(function (w) {
      var raw = w.said ? w.raw : SHORT.reduce(function (r, s) { return r.split(s[0]).join(s[1]); }, w.raw);
      if (raw === w.raw) return w;
      changed = true;
      return { raw: raw, ways: writings(units(raw)), said: "", others: [] };
    });
    return changed ? found : null;
  }
  // a question typed as one asks it (低保怎么申请, 结婚登记需要什么材料, 什么是低保, 请问一下高龄津贴), or two things
  // spoken of together (低保和临时救助, 低保与特困, 低保及特困人员, 低保或者特困: pages write them apart): the words
  // around its question words, particles and 和, for when the whole is on no page (低保 and 申请; 规划和年度计划, an
  // item's name, is found whole and never cut); in traditional characters too (低保怎麼申請: 低保 and 申请); null when
  // there is none to take out
  var ASKING = /我想问一下|问一下|一下|想知道|想了解|想问|怎么样|怎么|怎样|如何|什么是|是什么|什么|在哪里|在哪儿|哪里|哪儿|在哪|哪些|哪个|是多少|多少|需要|请问|我想|我要|能不能|可不可以|可以|是否|有没有|吗|呢|吧|啊|呀|哦|的|以及|或者|和|与|及|或|跟/;
  function unasked(words) {
    var found = [], cut = false;
    words.forEach(function (w) {
      var rest = w.said ? [w.raw] : folded(w.raw).split(ASKING);
      if (rest.length === 1) { found.push(w); return; }
      cut = true;
      rest.forEach(function (raw) { // a character left alone (我要办低保: 办) is too common to search
        var parts = units(raw);
        if (found.some(function (f) { return f.raw === raw; })) return; // 低保和低保: never 「同时包含“低保”和“低保”」
        if (parts.length > 1 || parts.length === 1 && !ONE_CJK.test(parts[0])) {
          found.push({ raw: raw, ways: writings(parts), said: "", others: [] });
        }
      });
    });
    return cut && found.length ? found : null;
  }
  // what is left of a question around its question words may glue a verb or a particle to the word asked about
  // (怎么办理低保: 办理低保; 我要办低保: 办低保; 低保去哪儿办: 低保去): a piece of three characters or more that no page
  // holds is read as the runs pages hold when they leave out at most one character at each end and none between them
  // (办理低保: 办理, 低保; 办低保: 低保); null when nothing was so read (公积金和低保怎么办: 公积金 is on no page, and
  // 积金 or 金和 is no word asked about; 救灾怎么申请: 救灾 is two characters, a word on no page, never left out)
  async function heldParts(words) {
    var found = [], cut = false;
    function add(parts) {
      var raw = parts.join("");
      if (!found.some(function (f) { return f.raw === raw; })) found.push({ raw: raw, ways: writings(parts), said: "", others: [] });
    }
    for (var w = 0; w < words.length; w++) {
      var parts = words[w].ways[0], runs;
      if (words[w].said || parts.length < 3 || parts.length > 12 || !parts.every(function (p) { return ONE_CJK.test(p); }) ||
          await held(parts)) { found.push(words[w]); continue; }
      runs = await heldRuns(parts);
      if (!runs) { found.push(words[w]); continue; }
      cut = true;
      runs.forEach(add);
    }
    return cut && found.length ? found : null;
  }
  async function heldRuns(parts) { // the runs of two or more that pages hold, longest first from the start; or null
    var runs = [], first = -1, last = 0;
    for (var i = 0; i < parts.length;) {
      var j = parts.length;
      while (j - i >= 2 && !await held(parts.slice(i, j))) j--;
      if (j - i < 2) {
        if (runs.length) { last = i; break; }
        i++;
        continue;
      }
      if (first < 0) first = i;
      runs.push(parts.slice(i, j));
      i = last = j;
    }
    return runs.length && first <= 1 && parts.length - last <= 1 ? runs : null;
  }
  // the pages holding words typed apart together (低保 标准: the keys of 低保标准), 1 when in the title, 文号 or
  // 索引号 — from the postings, as coarse() ranks, so that such a page ranks first however old it is
  async function together(phrase) {
    if (!phrase) return new Map();
    var all = null, keys = queryKeys(phrase);
    var values = await Promise.all(keys.map(lookup));
    values.forEach(function (v) { all = all ? both(all, pages(v)) : pages(v); });
    return all || new Map();
  }
  // first the pages with content, then those holding the words together (in the title first), every word in their title, 文号 or 索引号, then some
  // word there, documents in force before those that are not (a lapsed 低保标准 notice after the one in force), the
  // directory's own pages; within each, newest first (finer() orders each chunk shown the same way)
  function coarse(found, whole) {
    var empty = new Set(meta.empty), lapsed = new Set(meta.lapsed), ranks = [], order = [], some = found.some || new Set();
    for (var r = 0; r < 72; r++) ranks.push([]);
    found.forEach(function (head, p) {
      var joint = whole && whole.has(p) ? (whole.get(p) ? 0 : 1) : 2;
      // every word in the title, 文号 or 索引号; some word there (安民〔2026〕12号 低保: the document itself before the
      // pages that cite it); none
      ranks[(empty.has(p) ? 36 : 0) + joint * 12 + (head ? 0 : some.has(p) ? 4 : 8) + (lapsed.has(p) ? 2 : 0) +
            (meta.nav[p] !== undefined ? 0 : 1)].push(p);
    });
    ranks.forEach(function (pages) { order = order.concat(pages.sort(function (a, b) { return b - a; })); });
    return order;
  }
  // where the words are: 0 title, 1 文号 or 索引号, 2 text; null when a word is not there contiguously
  function judge(words, page, entry, text, phrase) {
    var where = 0, heads = 0, title = [], body = [], number = [], index = [];
    var whole = phrase ? [entry[1], entry[3], text.i, text.x].some(function (t) { return spans(t, [phrase]).length; }) : false;
    for (var w = 0; w < words.length; w++) {
      var ways = words[w].ways, inTitle = spans(entry[1], ways), inNumber = spans(entry[3], ways), inIndex = indexed(text.i, ways);
      number = number.concat(inNumber);
      index = index.concat(inIndex);
      if (inTitle.length) { title = title.concat(inTitle); heads++; continue; }
      if (inNumber.length || inIndex.length) { where = Math.max(where, 1); heads++; continue; }
      var inBody = spans(text.x, ways);
      if (!inBody.length) return null;
      where = 2; body = body.concat(inBody);
    }
    var cover = title.reduce(function (sum, s) { return sum + s.n; }, 0) / ((title[0] && title[0].of) || 1);
    return { page: page, entry: entry, text: text, where: where, heads: heads, whole: whole ? 1 : 0, cover: cover, empty: entry[5], lapsed: entry[6],
             nav: entry[4] !== "record",
             title: title.sort(starts), body: body.sort(starts), number: number.sort(starts), index: index.sort(starts) };
  }
  // where *ways* stand in an 索引号, which may also be typed without its separators (350524MZ202600007 for
  // 350524-MZ-2026-00007, as doc.py's head indexes it): then the whole 索引号 is marked
  function indexed(number, ways) {
    var found = spans(number, ways);
    if (found.length || !number) return found;
    return spans(units(number).join(""), ways).length ? [{ s: 0, e: number.length, n: 1, of: 1 }] : [];
  }
  function starts(a, b) { return a.s - b.s; }
  // then newest first by the date a result shows: a fresh index numbers pages oldest first, but one patched since (a
  // site of 2,000 pages and more) numbers a page as it came — a 2019 notice added or put back today is no newer
  function finer(a, b) {
    return a.empty - b.empty || b.whole - a.whole || b.heads - a.heads || a.where - b.where || a.lapsed - b.lapsed || b.nav - a.nav ||
           b.cover - a.cover || (b.entry[2] || "").localeCompare(a.entry[2] || "") || b.page - a.page;
  }
  async function more(state) {
    while (state.ready.length < state.shown + PAGE && state.next < state.order.length) {
      var batch = state.order.slice(state.next, state.next + CHUNK);
      state.next += batch.length;
      var entries = await Promise.all(batch.map(function (p) { return load("m/" + Math.floor(p / meta.group) + ".json.gz"); }));
      var texts = await Promise.all(batch.map(function (p) { return load("t/" + Math.floor(p / meta.texts) + ".json.gz"); }));
      var judged = [];
      batch.forEach(function (p, i) {
        var hit = entries[i][String(p)] && texts[i][String(p)] ? judge(state.words, p, entries[i][String(p)], texts[i][String(p)], state.phrase) : null;
        if (hit) judged.push(hit); else state.dropped++;
      });
      state.ready = state.ready.concat(judged.sort(finer));
    }
  }

  // ---- showing results ----
  function marked(text, found, from, to) {
    var out = document.createDocumentFragment(), at = from;
    joint(text, found).forEach(function (s) {
      if (s.s < at || s.s >= to) return; // overlaps the one before, or starts past the window
      var end = Math.min(s.e, to); // a match running past the window is marked up to its end
      out.appendChild(document.createTextNode(text.slice(at, s.s)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s.s, end);
      out.appendChild(mark);
      at = end;
    });
    out.appendChild(document.createTextNode(text.slice(at, to)));
    return out;
  }
  // matches parted only by a mark or two that is no unit (低保、特困人员, a pasted sentence's ，；。) are one match
  function joint(text, found) {
    var out = [];
    found.forEach(function (s) {
      var last = out[out.length - 1];
      // one inside or across the match before (不予公开 in 拟不予公开的, a word of a pasted paragraph) is part of it: never
      // the end of the run, which the next word then cannot join
      if (last && (s.s < last.e || s.s - last.e <= 2 && !normalize(text.slice(last.e, s.s)).match(UNIT))) {
        last.e = Math.max(last.e, s.e);
      } else out.push({ s: s.s, e: s.e });
    });
    return out;
  }
  function cnDate(iso) {
    var p = iso.split("-");
    return p.length === 3 ? Number(p[0]) + "年" + Number(p[1]) + "月" + Number(p[2]) + "日" : "";
  }
  // where a snippet may begin or end: never inside a number, a code or a word in letters (…96元 for 1196元, 0595-232…
  // for a telephone number, a 索引号 cut after MZ), nor between the halves of a character outside the BMP (𠀀 shown as
  // �); and, where a clause ends a few characters away, there (…根据《…》 rather than …作的关注。根据《…》)
  var ALNUM = /[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/, INSIDE = /[.,\-:\/．－：／·]/;
  var CLAUSE = /[\s，。、；：！？,;!?]/, SNAP = 12, LONGEST = 24;
  function inRun(text, i) { // true when text[i - 1] and text[i] are of one number, code or word in letters
    var a = text[i - 1] || "", b = text[i] || "";
    if (ALNUM.test(a) && ALNUM.test(b)) return true;
    return INSIDE.test(a) && ALNUM.test(b) && ALNUM.test(text[i - 2] || "") ||
           ALNUM.test(a) && INSIDE.test(b) && ALNUM.test(text[i + 1] || "");
  }
  function runStart(text, i) { while (i > 0 && inRun(text, i)) i--; return i; }
  function runEnd(text, i) { while (i < text.length && inRun(text, i)) i++; return i; }
  function clause(text, i) { return CLAUSE.test(text[i]) && !inRun(text, i) && !inRun(text, i + 1); } // not 1,234
  function lowHalf(text, i) { var c = text.charCodeAt(i); return c >= 0xdc00 && c <= 0xdfff; }
  function begin(text, from, first) {
    if (from <= 0) return 0;
    for (var i = from; i < Math.min(first.s, from + SNAP); i++) {
      if (clause(text, i)) { while (i < first.s && clause(text, i)) i++; return i; }
    }
    if (inRun(text, from)) {
      var back = runStart(text, from), ahead = runEnd(text, from);
      from = from - back <= LONGEST || ahead > first.s ? back : ahead;
    }
    return from > 0 && lowHalf(text, from) ? from - 1 : from;
  }
  function finish(text, to, last) { // *last*: where the last match that the window holds ends
    if (to >= text.length) return text.length;
    for (var i = to - 1; i >= Math.max(last, to - SNAP); i--) if (clause(text, i)) return i + 1;
    if (inRun(text, to)) {
      var ahead = runEnd(text, to), back = runStart(text, to);
      to = ahead - to <= LONGEST || back < last ? ahead : back;
    }
    return lowHalf(text, to) ? to + 1 : to;
  }
  function snippet(hit) {
    var text = hit.text.x || "", p = document.createElement("p");
    p.className = "snippet";
    if (!text) return null;
    // 120 characters from 30 before the first match, more when that match is longer (a pasted paragraph); its ends
    // moved to where a clause, a number or a character ends (begin(), finish())
    var found = joint(text, hit.body), first = found[0], from = first ? begin(text, Math.max(0, first.s - 30), first) : 0;
    var to = Math.min(text.length, Math.max(from + 120, first ? first.e : 0));
    var last = found.reduce(function (end, s) { return s.s < to ? Math.max(end, s.e) : end; }, from);
    to = finish(text, to, last);
    if (from > 0) p.appendChild(document.createTextNode("…"));
    p.appendChild(marked(text, hit.body, from, to));
    if (to < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }
  function item(hit) {
    var li = document.createElement("li"), a = document.createElement("a"), line = document.createElement("p");
    var entry = hit.entry, facts = [];
    function fact(label, value, found) { // a label and its value, the match marked (DOM nodes, never HTML)
      var part = document.createDocumentFragment();
      part.appendChild(document.createTextNode(label));
      part.appendChild(marked(value, found, 0, value.length));
      return part;
    }
    a.href = new URL("../" + entry[0], base).href;
    a.className = "result-title";
    a.appendChild(marked(entry[1], hit.title, 0, entry[1].length));
    li.appendChild(a);
    if (KINDS[entry[4]]) facts.push(document.createTextNode(KINDS[entry[4]]));
    if (entry[2]) facts.push(document.createTextNode("公开日期：" + cnDate(entry[2])));
    if (entry[3]) facts.push(fact("文号：", entry[3], hit.number));
    if (hit.text.i) facts.push(fact("索引号：", hit.text.i, hit.index));
    if (entry[5]) { facts.push(document.createTextNode("暂无公开的信息")); li.className = "empty"; }
    line.className = "meta";
    facts.forEach(function (f, i) {
      if (i) line.appendChild(document.createTextNode(" · "));
      line.appendChild(f);
    });
    li.appendChild(line);
    var s = snippet(hit);
    if (s) li.appendChild(s);
    return li;
  }
  // titles of the directory's pages sharing characters with the query, its traditional characters read as simplified
  // (醫療補貼 is offered what 医疗补贴 is: 补贴 …, not nothing)
  function near(query) {
    var simple = folded(query), chars = new Set(Array.from(simple).filter(function (c) { return ONE_CJK.test(c); }));
    var scored = new Map();
    Object.keys(meta.nav).forEach(function (p) {
      meta.nav[p].split(/\s*\/\s*/).forEach(function (term) {
        var shared = new Set(Array.from(term).filter(function (c) { return chars.has(c); })).size;
        if (shared && term !== simple) scored.set(term, Math.max(scored.get(term) || 0, shared));
      });
    });
    return Array.from(scored.keys()).sort(function (a, b) {
      return scored.get(b) - scored.get(a) || a.length - b.length;
    }).slice(0, NEAR);
  }
  function offer(label, terms) { // a line of links, each searching for one term (or [link text, term])
    var box = document.getElementById("search-near"), p = document.createElement("p");
    p.appendChild(document.createTextNode(label));
    terms.forEach(function (t, i) {
      var a = document.createElement("a");
      a.href = "?q=" + encodeURIComponent(Array.isArray(t) ? t[1] : t);
      a.textContent = Array.isArray(t) ? t[0] : t;
      if (i) p.appendChild(document.createTextNode("、"));
      p.appendChild(a);
    });
    box.appendChild(p);
    box.hidden = false;
  }
  function showNear(query) {
    var box = document.getElementById("search-near"), terms = near(query);
    if (terms.length) offer("您可以试试：", terms);
    box.appendChild(document.getElementById("search-apply").content.cloneNode(true));
    box.hidden = false;
  }
  function render(state, focus) {
    var list = document.getElementById("search-results"), button = document.getElementById("search-more");
    var start = state.shown, shown = state.ready.slice(start, start + PAGE);
    shown.forEach(function (hit) { list.appendChild(item(hit)); });
    state.shown += shown.length;
    button.hidden = state.shown >= state.ready.length && state.next >= state.order.length;
    if (focus && shown.length) list.children[start].querySelector("a").focus();
  }
  function named(filters) { return filters.map(function (f) { return f[0] + "“" + f[1] + "”"; }).join("、"); }
  // how many pages the words find without any filter (counted as the status line counts)
  async function unfiltered(words) {
    var state = { order: coarse(await matches(words, [])), ready: [], shown: 0, next: 0, dropped: 0, words: words };
    await more(state);
    return counted(state);
  }
  function counted(state) { return state.ready.length ? state.order.length - state.dropped : 0; }
  // the query as the status line repeats it: a pasted page is cut to its first 40 characters, so that a screen reader
  // does not read it all out again and a phone shows the count without scrolling
  // quoted whole (“低保办事指南”), said once in quotes: never 「没有找到““低保办事指南””」 (“低保”和“特困” as typed)
  function echoed(query) {
    var bare = query.trim().replace(new RegExp("^[" + QUOTES + "]+|[" + QUOTES + "]+$", "g"), "").trim();
    var chars = Array.from(new RegExp("[" + QUOTES + "]").test(bare) ? query.trim() : bare);
    return chars.length > ECHO ? chars.slice(0, ECHO).join("") + "…" : chars.join("");
  }
  // the words, each of which some page holds alone (as the status line would count it, without filters)
  async function found(words) {
    var counts = await Promise.all(words.map(function (w) { return unfiltered([w]); }));
    return words.filter(function (w, i) { return counts[i] > 0; }).map(function (w) { return w.raw; });
  }
  function listed(words) { // “低保”和“公积金”; “低保”、“特困”和“临时救助”; a long list is cut after its fourth word
    var shown = words.slice(0, 4).map(function (w) { return "“" + echoed(w.raw) + "”"; });
    if (words.length > 4) return shown.join("、") + "等 " + words.length + " 个词";
    return shown.slice(0, -1).join("、") + "和" + shown[shown.length - 1];
  }
  function status(text) { document.getElementById("search-status").textContent = text; }

  // a year said as people say it (今年低保标准, 去年的临时救助): pages write 2026年; read by the reader's calendar in
  // Beijing, only when no page holds the query as typed (a reply writing 「今年65岁」 is found by 今年65岁)
  var SAID_YEARS = { "今年": 0, "去年": -1, "前年": -2, "明年": 1 };
  async function yearSaid(query) {
    var said = Object.keys(SAID_YEARS).filter(function (w) { return query.indexOf(w) >= 0; });
    if (!said.length || await held(units(query))) return null;
    var now = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
    return { query: query.replace(/今年|去年|前年|明年/g, function (w) { return (now + SAID_YEARS[w]) + "年"; }),
             said: said.map(function (w) { return "“" + w + "”按“" + (now + SAID_YEARS[w]) + "年”查找"; }).join("、") };
  }

  // the pages *asked* finds under *filters*, into *state*, as the reader is shown them: as typed; else in full (低保办事指南
  // is on no page: 最低生活保障办事指南 is); else cut where numbers meet words or around question words (2026年低保,
  // 低保怎么申请: the pages holding 2026 and 低保, 低保 and 申请); else, in a question, its pieces read as the words
  // pages hold (低保去哪儿办, 怎么办理低保: 低保去 and 办理低保 are on no page; 低保, 办理 and 低保 are). What was so
  // done comes back for the status line; run() counts the pages the query finds without filters the same way
  async function searched(asked, filters, state) {
    async function again(words, phrase) {
      Object.assign(state, { words: words, phrase: phrase, ready: [], next: 0, dropped: 0 });
      state.order = coarse(await matches(words, filters), await together(phrase));
      await more(state);
    }
    await again(asked.words, asked.phrase);
    var full = !state.ready.length && asked.words.length === 1 ? renamed(asked.words) : null;
    if (full) {
      await again(full, null);
      if (!state.ready.length) full = null;
    }
    var plain = state.ready.length ? null : unasked(asked.words);
    var apart = state.ready.length ? null : pieces(plain || asked.words) || plain;
    if (apart) await again(apart, null);
    // only in a question: words typed together that no page holds whole (临时救助条件, 救助供养) find nothing and say so,
    // offering near terms (issue 15: a term that occurs nowhere returns no result)
    var glued = plain && !state.ready.length ? await heldParts(apart) : null;
    if (glued) await again(glued, null);
    // pieces that still find nothing together are said as cut (低保的申请条件: 「同时包含“低保”和“申请条件”」, as for
    // 低保 申请条件 typed apart; never “低保”、“申请”和“条件”)
    if (glued && state.ready.length) apart = glued;
    return { full: full, plain: plain, apart: apart };
  }

  async function run(query, filters) {
    var mine = current = { order: [], ready: [], shown: 0, next: 0, dropped: 0, words: [] };
    document.getElementById("search-results").textContent = "";
    document.getElementById("search-near").textContent = "";
    document.getElementById("search-near").hidden = true;
    document.getElementById("search-more").hidden = true;
    if (!query.trim() && !filters.length) { status(""); return; }
    var typed = Array.from(query.trim()), cut = typed.length > LONGEST_QUERY;
    if (cut) query = typed.slice(0, LONGEST_QUERY).join("");
    var year = await yearSaid(query), asked = await plan(year ? year.query : query);
    if (year) asked.heard = [year.said].concat(asked.heard || []);
    // a query with nothing to search (低, 〔〕) says so with a filter chosen too: listing every page of the filter under
    // 「“低”共找到 19 条结果」 told the reader those pages hold 低
    if (!asked.words.length && (query.trim() || !filters.length)) {
      status(asked.short.length ? "请至少输入两个字（单个汉字太常见，无法搜索）：" + asked.short.join(" ")
                                : "请输入要搜索的词，如：低保、临时救助。");
      return;
    }
    var tried = await searched(asked, filters, mine), full = tried.full, plain = tried.plain, apart = tried.apart;
    if (current !== mine) return;
    var total = mine.order.length - mine.dropped, said = [], others = [];
    if (full) said.push("没有找到“" + echoed(query) + "”，下面是按全称查找“" + echoed(full[0].raw) + "”的结果");
    if (apart && mine.ready.length) {
      said.push("没有找到连续的“" + echoed(query) + "”，下面是" + (apart.length > 1 ? "同时" : "") + "包含" +
                apart.map(function (w) { return "“" + w.raw + "”"; }).join("和") + "的结果");
    }
    if (cut) said.push("搜索词有 " + typed.length + " 个字，只按前 " + LONGEST_QUERY + " 个字查找");
    said = said.concat(asked.heard || []);
    // a character typed alone beside words (低保 表, 县 低保) is too common to search: say that the pages need not hold it
    if (asked.short.length) said.push("单个汉字太常见，未按" + asked.short.map(function (s) { return "“" + s + "”"; }).join("、") + "查找");
    asked.words.forEach(function (w) {
      if (w.said) said.push("“" + w.raw + "”按拼音查找“" + w.said + "”");
      others = others.concat(w.others);
    });
    if (others.length) offer("拼音还可能是：", others);
    var what = query.trim() ? "“" + echoed(query) + "”" : "所选条件";
    if (!mine.ready.length && filters.length && asked.words.length) {
      // the filters, not the words, left nothing: never tell the reader there is no such information
      // counted as the search without filters finds them: in full (低保办事指南), cut (低保怎么申请, 2026年低保: a
      // question said 「没有找到与“低保怎么申请”相关的公开信息」 and offered the 依申请 way under a filter)
      var bare = { order: [], ready: [], shown: 0, next: 0, dropped: 0, words: [] };
      await searched(asked, [], bare);
      var without = counted(bare);
      if (current !== mine) return;
      if (without) {
        status((said.length ? said.join("；") + "。" : "") + "在所选条件（" + named(filters) + "）下没有找到" + what +
               "。不加筛选共有 " + without + " 条结果。");
        offer("", [["不加筛选查看全部 " + without + " 条", query.trim()]]);
        return;
      }
    }
    // the words searched for: those typed, or those a question was cut into (低保一个月多少钱: 低保 and 一个月; 公积金和
    // 低保怎么办: 公积金 and 低保), which said 「没有找到与“低保一个月多少钱”相关的公开信息」 as if 低保 were on no page
    var sought = apart && apart.length > 1 ? apart : asked.words;
    var alone = !mine.ready.length && sought.length > 1 ? await found(sought) : [];
    if (current !== mine) return;
    if (alone.length) {
      // some words are published, only never together: say so, never that there is no such information
      status((said.length ? said.join("；") + "。" : "") + "没有找到同时包含" + listed(sought) + "的公开信息。");
      offer("可以分开搜索：", alone);
      showNear(query);
      return;
    }
    if (!mine.ready.length) {
      status((said.length ? said.join("；") + "。" : "") + "没有找到与" + what + "相关的公开信息。");
      showNear(query);
      return;
    }
    var names = full ? null : renamed(apart || asked.words), fuller = [];
    // the words a question was cut into, in full, as one search (低保怎么申请: 最低生活保障 申请, the guides, which
    // never say 低保); a full name only where it finds pages (低保金, 低保边缘: no page writes 最低生活保障金, and its
    // link said 「没有找到」 and offered the 依申请 way for what the site publishes under 低保金)
    if (names && apart) fuller = [names];
    else if (names) {
      fuller = names.filter(function (w, i) { return w !== asked.words[i]; }).map(function (w) { return [w]; });
    }
    var finds = await Promise.all(fuller.map(unfiltered));
    if (current !== mine) return;
    fuller = fuller.filter(function (f, i) { return finds[i] > 0; });
    status((said.length ? said.join("；") + "。" : "") + what + "共找到 " + total + " 条结果" +
           (filters.length ? "（已按" + named(filters) + "筛选）" : "") + "。");
    if (fuller.length) {
      offer("也可以按全称搜索：", fuller.map(function (f) { return f.map(function (w) { return w.raw; }).join(" "); }));
    }
    render(mine, false);
  }

  // ---- the form ----
  function fill(select, counts, chosen) {
    var values = Object.keys(counts || {});
    values.sort(select.dataset.filter === "年份" ? function (a, b) { return b.localeCompare(a); }
                                               : function (a, b) { return counts[b] - counts[a] || a.localeCompare(b, "zh"); });
    if (chosen && values.indexOf(chosen) < 0) values.push(chosen);
    values.forEach(function (v) { var o = document.createElement("option"); o.value = o.textContent = v; select.appendChild(o); });
    select.value = chosen || "";
  }
  function fromAddress() {
    var params = new URLSearchParams(location.search), filters = [];
    document.getElementById("q").value = params.get("q") || "";
    document.querySelectorAll("select[data-filter]").forEach(function (s) {
      s.value = params.get(s.dataset.filter) || "";
      if (s.value) filters.push([s.dataset.filter, s.value]);
    });
    return run(params.get("q") || "", filters);
  }
  async function start() {
    var form = document.getElementById("search-form");
    if (!form) return;
    document.getElementById("search-unavailable").hidden = true;
    try {
      meta = await load("meta.json.gz");
    } catch (e) {
      // opened from a folder (file://), as a webmaster checks the column before loading it into the portal: the
      // browser reads no file by script there, and the index is fine; say so, not that something is broken
      status(location.protocol === "file:"
        ? "直接打开文件夹中的网页时，浏览器不允许读取搜索索引，所以这里不能搜索；网站放到门户网站的服务器上（或用 gongkai serve 预览）后即可搜索。现在可以从首页按领域浏览目录。"
        : "搜索索引未能加载，请从首页按领域浏览目录。");
      return;
    }
    syllables = new Set(meta.syllables);
    var params = new URLSearchParams(location.search);
    document.querySelectorAll("select[data-filter]").forEach(function (s) {
      fill(s, meta.filters[s.dataset.filter], params.get(s.dataset.filter));
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) params.delete(k); });
      history.pushState(null, "", "?" + params.toString());
      fromAddress().catch(failed);
    });
    document.getElementById("search-more").addEventListener("click", function () {
      var state = current;
      more(state).then(function () { if (state === current) render(state, true); }).catch(failed);
    });
    window.addEventListener("popstate", function () { fromAddress().catch(failed); });
    await fromAddress();
  }
  function failed() { status("搜索出错了，请稍后再试，或从首页按领域浏览目录。"); }

  var started = document.readyState === "loading" ? new Promise(function (done) {
    document.addEventListener("DOMContentLoaded", function () { start().catch(failed).then(done); });
  }) : start().catch(failed);
  // for the tests and the benchmark: the same keys as tokens.query_keys, and a search without the page (once the page
  // has loaded the index's table of parts: asked before, a search read a table not yet there)
  window.gongkaiSearch = {
    keys: function (text) { return queryKeys(units(text)); },
    ways: function (text) { return writings(units(text)).map(queryKeys); },
    run: function (query, filters) { return started.then(function () { return run(query, filters || []); }); }
  };
})();
