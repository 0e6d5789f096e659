// The known names and a constant for each. A constant's id is its name's index in `knownNames`;
// HTMLNameTests checks every constant against the list.

extension HTMLName {
    /// Element and attribute names every document shares, lowercase; a name's id is its index.
    static let knownNames: [String] = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont",
        "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption",
        "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog",
        "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form",
        "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
        "iframe", "img", "input", "ins", "isindex", "kbd", "keygen", "label", "legend", "li", "link", "listing",
        "main", "map", "mark", "marquee", "math", "menu", "meta", "meter", "nav", "nobr", "noembed", "noframes",
        "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "source", "span",
        "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea",
        "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp", "id",
        "class", "href", "alt", "src", "name", "rel", "property", "http-equiv", "lang", "xml:lang", "colspan",
        "rowspan", "start", "value", "alttext", "charset", "type", "width", "height", "border", "align", "valign",
        "target", "action", "method", "for", "headers", "scope", "role", "content",
    ]

    /// `a` (element).
    public static let a = HTMLName(id: 0)
    /// `abbr` (element).
    public static let abbr = HTMLName(id: 1)
    /// `acronym` (element).
    public static let acronym = HTMLName(id: 2)
    /// `address` (element).
    public static let address = HTMLName(id: 3)
    /// `applet` (element).
    public static let applet = HTMLName(id: 4)
    /// `area` (element).
    public static let area = HTMLName(id: 5)
    /// `article` (element).
    public static let article = HTMLName(id: 6)
    /// `aside` (element).
    public static let aside = HTMLName(id: 7)
    /// `audio` (element).
    public static let audio = HTMLName(id: 8)
    /// `b` (element).
    public static let b = HTMLName(id: 9)
    /// `base` (element).
    public static let base = HTMLName(id: 10)
    /// `basefont` (element).
    public static let basefont = HTMLName(id: 11)
    /// `bdi` (element).
    public static let bdi = HTMLName(id: 12)
    /// `bdo` (element).
    public static let bdo = HTMLName(id: 13)
    /// `bgsound` (element).
    public static let bgsound = HTMLName(id: 14)
    /// `big` (element).
    public static let big = HTMLName(id: 15)
    /// `blink` (element).
    public static let blink = HTMLName(id: 16)
    /// `blockquote` (element).
    public static let blockquote = HTMLName(id: 17)
    /// `body` (element).
    public static let body = HTMLName(id: 18)
    /// `br` (element).
    public static let br = HTMLName(id: 19)
    /// `button` (element).
    public static let button = HTMLName(id: 20)
    /// `canvas` (element).
    public static let canvas = HTMLName(id: 21)
    /// `caption` (element).
    public static let caption = HTMLName(id: 22)
    /// `center` (element).
    public static let center = HTMLName(id: 23)
    /// `cite` (element).
    public static let cite = HTMLName(id: 24)
    /// `code` (element).
    public static let code = HTMLName(id: 25)
    /// `col` (element).
    public static let col = HTMLName(id: 26)
    /// `colgroup` (element).
    public static let colgroup = HTMLName(id: 27)
    /// `data` (element).
    public static let data = HTMLName(id: 28)
    /// `datalist` (element).
    public static let datalist = HTMLName(id: 29)
    /// `dd` (element).
    public static let dd = HTMLName(id: 30)
    /// `del` (element).
    public static let del = HTMLName(id: 31)
    /// `details` (element).
    public static let details = HTMLName(id: 32)
    /// `dfn` (element).
    public static let dfn = HTMLName(id: 33)
    /// `dialog` (element).
    public static let dialog = HTMLName(id: 34)
    /// `dir` (element and attribute).
    public static let dir = HTMLName(id: 35)
    /// `div` (element).
    public static let div = HTMLName(id: 36)
    /// `dl` (element).
    public static let dl = HTMLName(id: 37)
    /// `dt` (element).
    public static let dt = HTMLName(id: 38)
    /// `em` (element).
    public static let em = HTMLName(id: 39)
    /// `embed` (element).
    public static let embed = HTMLName(id: 40)
    /// `fieldset` (element).
    public static let fieldset = HTMLName(id: 41)
    /// `figcaption` (element).
    public static let figcaption = HTMLName(id: 42)
    /// `figure` (element).
    public static let figure = HTMLName(id: 43)
    /// `font` (element).
    public static let font = HTMLName(id: 44)
    /// `footer` (element).
    public static let footer = HTMLName(id: 45)
    /// `form` (element).
    public static let form = HTMLName(id: 46)
    /// `frame` (element).
    public static let frame = HTMLName(id: 47)
    /// `frameset` (element).
    public static let frameset = HTMLName(id: 48)
    /// `h1` (element).
    public static let h1 = HTMLName(id: 49)
    /// `h2` (element).
    public static let h2 = HTMLName(id: 50)
    /// `h3` (element).
    public static let h3 = HTMLName(id: 51)
    /// `h4` (element).
    public static let h4 = HTMLName(id: 52)
    /// `h5` (element).
    public static let h5 = HTMLName(id: 53)
    /// `h6` (element).
    public static let h6 = HTMLName(id: 54)
    /// `head` (element).
    public static let head = HTMLName(id: 55)
    /// `header` (element).
    public static let header = HTMLName(id: 56)
    /// `hgroup` (element).
    public static let hgroup = HTMLName(id: 57)
    /// `hr` (element).
    public static let hr = HTMLName(id: 58)
    /// `html` (element).
    public static let html = HTMLName(id: 59)
    /// `i` (element).
    public static let i = HTMLName(id: 60)
    /// `iframe` (element).
    public static let iframe = HTMLName(id: 61)
    /// `img` (element).
    public static let img = HTMLName(id: 62)
    /// `input` (element).
    public static let input = HTMLName(id: 63)
    /// `ins` (element).
    public static let ins = HTMLName(id: 64)
    /// `isindex` (element).
    public static let isindex = HTMLName(id: 65)
    /// `kbd` (element).
    public static let kbd = HTMLName(id: 66)
    /// `keygen` (element).
    public static let keygen = HTMLName(id: 67)
    /// `label` (element).
    public static let label = HTMLName(id: 68)
    /// `legend` (element).
    public static let legend = HTMLName(id: 69)
    /// `li` (element).
    public static let li = HTMLName(id: 70)
    /// `link` (element).
    public static let link = HTMLName(id: 71)
    /// `listing` (element).
    public static let listing = HTMLName(id: 72)
    /// `main` (element).
    public static let main = HTMLName(id: 73)
    /// `map` (element).
    public static let map = HTMLName(id: 74)
    /// `mark` (element).
    public static let mark = HTMLName(id: 75)
    /// `marquee` (element).
    public static let marquee = HTMLName(id: 76)
    /// `math` (element).
    public static let math = HTMLName(id: 77)
    /// `menu` (element).
    public static let menu = HTMLName(id: 78)
    /// `meta` (element).
    public static let meta = HTMLName(id: 79)
    /// `meter` (element).
    public static let meter = HTMLName(id: 80)
    /// `nav` (element).
    public static let nav = HTMLName(id: 81)
    /// `nobr` (element).
    public static let nobr = HTMLName(id: 82)
    /// `noembed` (element).
    public static let noembed = HTMLName(id: 83)
    /// `noframes` (element).
    public static let noframes = HTMLName(id: 84)
    /// `noscript` (element).
    public static let noscript = HTMLName(id: 85)
    /// `object` (element).
    public static let object = HTMLName(id: 86)
    /// `ol` (element).
    public static let ol = HTMLName(id: 87)
    /// `optgroup` (element).
    public static let optgroup = HTMLName(id: 88)
    /// `option` (element).
    public static let option = HTMLName(id: 89)
    /// `output` (element).
    public static let output = HTMLName(id: 90)
    /// `p` (element).
    public static let p = HTMLName(id: 91)
    /// `param` (element).
    public static let param = HTMLName(id: 92)
    /// `picture` (element).
    public static let picture = HTMLName(id: 93)
    /// `plaintext` (element).
    public static let plaintext = HTMLName(id: 94)
    /// `pre` (element).
    public static let pre = HTMLName(id: 95)
    /// `progress` (element).
    public static let progress = HTMLName(id: 96)
    /// `q` (element).
    public static let q = HTMLName(id: 97)
    /// `rp` (element).
    public static let rp = HTMLName(id: 98)
    /// `rt` (element).
    public static let rt = HTMLName(id: 99)
    /// `ruby` (element).
    public static let ruby = HTMLName(id: 100)
    /// `s` (element).
    public static let s = HTMLName(id: 101)
    /// `samp` (element).
    public static let samp = HTMLName(id: 102)
    /// `script` (element).
    public static let script = HTMLName(id: 103)
    /// `section` (element).
    public static let section = HTMLName(id: 104)
    /// `select` (element).
    public static let select = HTMLName(id: 105)
    /// `small` (element).
    public static let small = HTMLName(id: 106)
    /// `source` (element).
    public static let source = HTMLName(id: 107)
    /// `span` (element).
    public static let span = HTMLName(id: 108)
    /// `strike` (element).
    public static let strike = HTMLName(id: 109)
    /// `strong` (element).
    public static let strong = HTMLName(id: 110)
    /// `style` (element and attribute).
    public static let style = HTMLName(id: 111)
    /// `sub` (element).
    public static let sub = HTMLName(id: 112)
    /// `summary` (element).
    public static let summary = HTMLName(id: 113)
    /// `sup` (element).
    public static let sup = HTMLName(id: 114)
    /// `svg` (element).
    public static let svg = HTMLName(id: 115)
    /// `table` (element).
    public static let table = HTMLName(id: 116)
    /// `tbody` (element).
    public static let tbody = HTMLName(id: 117)
    /// `td` (element).
    public static let td = HTMLName(id: 118)
    /// `template` (element).
    public static let template = HTMLName(id: 119)
    /// `textarea` (element).
    public static let textarea = HTMLName(id: 120)
    /// `tfoot` (element).
    public static let tfoot = HTMLName(id: 121)
    /// `th` (element).
    public static let th = HTMLName(id: 122)
    /// `thead` (element).
    public static let thead = HTMLName(id: 123)
    /// `time` (element).
    public static let time = HTMLName(id: 124)
    /// `title` (element).
    public static let title = HTMLName(id: 125)
    /// `tr` (element).
    public static let tr = HTMLName(id: 126)
    /// `track` (element).
    public static let track = HTMLName(id: 127)
    /// `tt` (element).
    public static let tt = HTMLName(id: 128)
    /// `u` (element).
    public static let u = HTMLName(id: 129)
    /// `ul` (element).
    public static let ul = HTMLName(id: 130)
    /// `var` (element).
    public static let `var` = HTMLName(id: 131)
    /// `video` (element).
    public static let video = HTMLName(id: 132)
    /// `wbr` (element).
    public static let wbr = HTMLName(id: 133)
    /// `xmp` (element).
    public static let xmp = HTMLName(id: 134)
    /// `id` (attribute).
    public static let id = HTMLName(id: 135)
    /// `class` (attribute).
    public static let `class` = HTMLName(id: 136)
    /// `href` (attribute).
    public static let href = HTMLName(id: 137)
    /// `alt` (attribute).
    public static let alt = HTMLName(id: 138)
    /// `src` (attribute).
    public static let src = HTMLName(id: 139)
    /// `name` (attribute).
    public static let name = HTMLName(id: 140)
    /// `rel` (attribute).
    public static let rel = HTMLName(id: 141)
    /// `property` (attribute).
    public static let property = HTMLName(id: 142)
    /// `http-equiv` (attribute).
    public static let httpEquiv = HTMLName(id: 143)
    /// `lang` (attribute).
    public static let lang = HTMLName(id: 144)
    /// `xml:lang` (attribute).
    public static let xmlLang = HTMLName(id: 145)
    /// `colspan` (attribute).
    public static let colspan = HTMLName(id: 146)
    /// `rowspan` (attribute).
    public static let rowspan = HTMLName(id: 147)
    /// `start` (attribute).
    public static let start = HTMLName(id: 148)
    /// `value` (attribute).
    public static let value = HTMLName(id: 149)
    /// `alttext` (attribute).
    public static let alttext = HTMLName(id: 150)
    /// `charset` (attribute).
    public static let charset = HTMLName(id: 151)
    /// `type` (attribute).
    public static let type = HTMLName(id: 152)
    /// `width` (attribute).
    public static let width = HTMLName(id: 153)
    /// `height` (attribute).
    public static let height = HTMLName(id: 154)
    /// `border` (attribute).
    public static let border = HTMLName(id: 155)
    /// `align` (attribute).
    public static let align = HTMLName(id: 156)
    /// `valign` (attribute).
    public static let valign = HTMLName(id: 157)
    /// `target` (attribute).
    public static let target = HTMLName(id: 158)
    /// `action` (attribute).
    public static let action = HTMLName(id: 159)
    /// `method` (attribute).
    public static let method = HTMLName(id: 160)
    /// `for` (attribute).
    public static let `for` = HTMLName(id: 161)
    /// `headers` (attribute).
    public static let headers = HTMLName(id: 162)
    /// `scope` (attribute).
    public static let scope = HTMLName(id: 163)
    /// `role` (attribute).
    public static let role = HTMLName(id: 164)
    /// `content` (attribute).
    public static let content = HTMLName(id: 165)
}
