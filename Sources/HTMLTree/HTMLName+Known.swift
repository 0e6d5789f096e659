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
    @inlinable public static var a: HTMLName { HTMLName(id: 0) }
    /// `abbr` (element).
    @inlinable public static var abbr: HTMLName { HTMLName(id: 1) }
    /// `acronym` (element).
    @inlinable public static var acronym: HTMLName { HTMLName(id: 2) }
    /// `address` (element).
    @inlinable public static var address: HTMLName { HTMLName(id: 3) }
    /// `applet` (element).
    @inlinable public static var applet: HTMLName { HTMLName(id: 4) }
    /// `area` (element).
    @inlinable public static var area: HTMLName { HTMLName(id: 5) }
    /// `article` (element).
    @inlinable public static var article: HTMLName { HTMLName(id: 6) }
    /// `aside` (element).
    @inlinable public static var aside: HTMLName { HTMLName(id: 7) }
    /// `audio` (element).
    @inlinable public static var audio: HTMLName { HTMLName(id: 8) }
    /// `b` (element).
    @inlinable public static var b: HTMLName { HTMLName(id: 9) }
    /// `base` (element).
    @inlinable public static var base: HTMLName { HTMLName(id: 10) }
    /// `basefont` (element).
    @inlinable public static var basefont: HTMLName { HTMLName(id: 11) }
    /// `bdi` (element).
    @inlinable public static var bdi: HTMLName { HTMLName(id: 12) }
    /// `bdo` (element).
    @inlinable public static var bdo: HTMLName { HTMLName(id: 13) }
    /// `bgsound` (element).
    @inlinable public static var bgsound: HTMLName { HTMLName(id: 14) }
    /// `big` (element).
    @inlinable public static var big: HTMLName { HTMLName(id: 15) }
    /// `blink` (element).
    @inlinable public static var blink: HTMLName { HTMLName(id: 16) }
    /// `blockquote` (element).
    @inlinable public static var blockquote: HTMLName { HTMLName(id: 17) }
    /// `body` (element).
    @inlinable public static var body: HTMLName { HTMLName(id: 18) }
    /// `br` (element).
    @inlinable public static var br: HTMLName { HTMLName(id: 19) }
    /// `button` (element).
    @inlinable public static var button: HTMLName { HTMLName(id: 20) }
    /// `canvas` (element).
    @inlinable public static var canvas: HTMLName { HTMLName(id: 21) }
    /// `caption` (element).
    @inlinable public static var caption: HTMLName { HTMLName(id: 22) }
    /// `center` (element).
    @inlinable public static var center: HTMLName { HTMLName(id: 23) }
    /// `cite` (element).
    @inlinable public static var cite: HTMLName { HTMLName(id: 24) }
    /// `code` (element).
    @inlinable public static var code: HTMLName { HTMLName(id: 25) }
    /// `col` (element).
    @inlinable public static var col: HTMLName { HTMLName(id: 26) }
    /// `colgroup` (element).
    @inlinable public static var colgroup: HTMLName { HTMLName(id: 27) }
    /// `data` (element).
    @inlinable public static var data: HTMLName { HTMLName(id: 28) }
    /// `datalist` (element).
    @inlinable public static var datalist: HTMLName { HTMLName(id: 29) }
    /// `dd` (element).
    @inlinable public static var dd: HTMLName { HTMLName(id: 30) }
    /// `del` (element).
    @inlinable public static var del: HTMLName { HTMLName(id: 31) }
    /// `details` (element).
    @inlinable public static var details: HTMLName { HTMLName(id: 32) }
    /// `dfn` (element).
    @inlinable public static var dfn: HTMLName { HTMLName(id: 33) }
    /// `dialog` (element).
    @inlinable public static var dialog: HTMLName { HTMLName(id: 34) }
    /// `dir` (element and attribute).
    @inlinable public static var dir: HTMLName { HTMLName(id: 35) }
    /// `div` (element).
    @inlinable public static var div: HTMLName { HTMLName(id: 36) }
    /// `dl` (element).
    @inlinable public static var dl: HTMLName { HTMLName(id: 37) }
    /// `dt` (element).
    @inlinable public static var dt: HTMLName { HTMLName(id: 38) }
    /// `em` (element).
    @inlinable public static var em: HTMLName { HTMLName(id: 39) }
    /// `embed` (element).
    @inlinable public static var embed: HTMLName { HTMLName(id: 40) }
    /// `fieldset` (element).
    @inlinable public static var fieldset: HTMLName { HTMLName(id: 41) }
    /// `figcaption` (element).
    @inlinable public static var figcaption: HTMLName { HTMLName(id: 42) }
    /// `figure` (element).
    @inlinable public static var figure: HTMLName { HTMLName(id: 43) }
    /// `font` (element).
    @inlinable public static var font: HTMLName { HTMLName(id: 44) }
    /// `footer` (element).
    @inlinable public static var footer: HTMLName { HTMLName(id: 45) }
    /// `form` (element).
    @inlinable public static var form: HTMLName { HTMLName(id: 46) }
    /// `frame` (element).
    @inlinable public static var frame: HTMLName { HTMLName(id: 47) }
    /// `frameset` (element).
    @inlinable public static var frameset: HTMLName { HTMLName(id: 48) }
    /// `h1` (element).
    @inlinable public static var h1: HTMLName { HTMLName(id: 49) }
    /// `h2` (element).
    @inlinable public static var h2: HTMLName { HTMLName(id: 50) }
    /// `h3` (element).
    @inlinable public static var h3: HTMLName { HTMLName(id: 51) }
    /// `h4` (element).
    @inlinable public static var h4: HTMLName { HTMLName(id: 52) }
    /// `h5` (element).
    @inlinable public static var h5: HTMLName { HTMLName(id: 53) }
    /// `h6` (element).
    @inlinable public static var h6: HTMLName { HTMLName(id: 54) }
    /// `head` (element).
    @inlinable public static var head: HTMLName { HTMLName(id: 55) }
    /// `header` (element).
    @inlinable public static var header: HTMLName { HTMLName(id: 56) }
    /// `hgroup` (element).
    @inlinable public static var hgroup: HTMLName { HTMLName(id: 57) }
    /// `hr` (element).
    @inlinable public static var hr: HTMLName { HTMLName(id: 58) }
    /// `html` (element).
    @inlinable public static var html: HTMLName { HTMLName(id: 59) }
    /// `i` (element).
    @inlinable public static var i: HTMLName { HTMLName(id: 60) }
    /// `iframe` (element).
    @inlinable public static var iframe: HTMLName { HTMLName(id: 61) }
    /// `img` (element).
    @inlinable public static var img: HTMLName { HTMLName(id: 62) }
    /// `input` (element).
    @inlinable public static var input: HTMLName { HTMLName(id: 63) }
    /// `ins` (element).
    @inlinable public static var ins: HTMLName { HTMLName(id: 64) }
    /// `isindex` (element).
    @inlinable public static var isindex: HTMLName { HTMLName(id: 65) }
    /// `kbd` (element).
    @inlinable public static var kbd: HTMLName { HTMLName(id: 66) }
    /// `keygen` (element).
    @inlinable public static var keygen: HTMLName { HTMLName(id: 67) }
    /// `label` (element).
    @inlinable public static var label: HTMLName { HTMLName(id: 68) }
    /// `legend` (element).
    @inlinable public static var legend: HTMLName { HTMLName(id: 69) }
    /// `li` (element).
    @inlinable public static var li: HTMLName { HTMLName(id: 70) }
    /// `link` (element).
    @inlinable public static var link: HTMLName { HTMLName(id: 71) }
    /// `listing` (element).
    @inlinable public static var listing: HTMLName { HTMLName(id: 72) }
    /// `main` (element).
    @inlinable public static var main: HTMLName { HTMLName(id: 73) }
    /// `map` (element).
    @inlinable public static var map: HTMLName { HTMLName(id: 74) }
    /// `mark` (element).
    @inlinable public static var mark: HTMLName { HTMLName(id: 75) }
    /// `marquee` (element).
    @inlinable public static var marquee: HTMLName { HTMLName(id: 76) }
    /// `math` (element).
    @inlinable public static var math: HTMLName { HTMLName(id: 77) }
    /// `menu` (element).
    @inlinable public static var menu: HTMLName { HTMLName(id: 78) }
    /// `meta` (element).
    @inlinable public static var meta: HTMLName { HTMLName(id: 79) }
    /// `meter` (element).
    @inlinable public static var meter: HTMLName { HTMLName(id: 80) }
    /// `nav` (element).
    @inlinable public static var nav: HTMLName { HTMLName(id: 81) }
    /// `nobr` (element).
    @inlinable public static var nobr: HTMLName { HTMLName(id: 82) }
    /// `noembed` (element).
    @inlinable public static var noembed: HTMLName { HTMLName(id: 83) }
    /// `noframes` (element).
    @inlinable public static var noframes: HTMLName { HTMLName(id: 84) }
    /// `noscript` (element).
    @inlinable public static var noscript: HTMLName { HTMLName(id: 85) }
    /// `object` (element).
    @inlinable public static var object: HTMLName { HTMLName(id: 86) }
    /// `ol` (element).
    @inlinable public static var ol: HTMLName { HTMLName(id: 87) }
    /// `optgroup` (element).
    @inlinable public static var optgroup: HTMLName { HTMLName(id: 88) }
    /// `option` (element).
    @inlinable public static var option: HTMLName { HTMLName(id: 89) }
    /// `output` (element).
    @inlinable public static var output: HTMLName { HTMLName(id: 90) }
    /// `p` (element).
    @inlinable public static var p: HTMLName { HTMLName(id: 91) }
    /// `param` (element).
    @inlinable public static var param: HTMLName { HTMLName(id: 92) }
    /// `picture` (element).
    @inlinable public static var picture: HTMLName { HTMLName(id: 93) }
    /// `plaintext` (element).
    @inlinable public static var plaintext: HTMLName { HTMLName(id: 94) }
    /// `pre` (element).
    @inlinable public static var pre: HTMLName { HTMLName(id: 95) }
    /// `progress` (element).
    @inlinable public static var progress: HTMLName { HTMLName(id: 96) }
    /// `q` (element).
    @inlinable public static var q: HTMLName { HTMLName(id: 97) }
    /// `rp` (element).
    @inlinable public static var rp: HTMLName { HTMLName(id: 98) }
    /// `rt` (element).
    @inlinable public static var rt: HTMLName { HTMLName(id: 99) }
    /// `ruby` (element).
    @inlinable public static var ruby: HTMLName { HTMLName(id: 100) }
    /// `s` (element).
    @inlinable public static var s: HTMLName { HTMLName(id: 101) }
    /// `samp` (element).
    @inlinable public static var samp: HTMLName { HTMLName(id: 102) }
    /// `script` (element).
    @inlinable public static var script: HTMLName { HTMLName(id: 103) }
    /// `section` (element).
    @inlinable public static var section: HTMLName { HTMLName(id: 104) }
    /// `select` (element).
    @inlinable public static var select: HTMLName { HTMLName(id: 105) }
    /// `small` (element).
    @inlinable public static var small: HTMLName { HTMLName(id: 106) }
    /// `source` (element).
    @inlinable public static var source: HTMLName { HTMLName(id: 107) }
    /// `span` (element).
    @inlinable public static var span: HTMLName { HTMLName(id: 108) }
    /// `strike` (element).
    @inlinable public static var strike: HTMLName { HTMLName(id: 109) }
    /// `strong` (element).
    @inlinable public static var strong: HTMLName { HTMLName(id: 110) }
    /// `style` (element and attribute).
    @inlinable public static var style: HTMLName { HTMLName(id: 111) }
    /// `sub` (element).
    @inlinable public static var sub: HTMLName { HTMLName(id: 112) }
    /// `summary` (element).
    @inlinable public static var summary: HTMLName { HTMLName(id: 113) }
    /// `sup` (element).
    @inlinable public static var sup: HTMLName { HTMLName(id: 114) }
    /// `svg` (element).
    @inlinable public static var svg: HTMLName { HTMLName(id: 115) }
    /// `table` (element).
    @inlinable public static var table: HTMLName { HTMLName(id: 116) }
    /// `tbody` (element).
    @inlinable public static var tbody: HTMLName { HTMLName(id: 117) }
    /// `td` (element).
    @inlinable public static var td: HTMLName { HTMLName(id: 118) }
    /// `template` (element).
    @inlinable public static var template: HTMLName { HTMLName(id: 119) }
    /// `textarea` (element).
    @inlinable public static var textarea: HTMLName { HTMLName(id: 120) }
    /// `tfoot` (element).
    @inlinable public static var tfoot: HTMLName { HTMLName(id: 121) }
    /// `th` (element).
    @inlinable public static var th: HTMLName { HTMLName(id: 122) }
    /// `thead` (element).
    @inlinable public static var thead: HTMLName { HTMLName(id: 123) }
    /// `time` (element).
    @inlinable public static var time: HTMLName { HTMLName(id: 124) }
    /// `title` (element).
    @inlinable public static var title: HTMLName { HTMLName(id: 125) }
    /// `tr` (element).
    @inlinable public static var tr: HTMLName { HTMLName(id: 126) }
    /// `track` (element).
    @inlinable public static var track: HTMLName { HTMLName(id: 127) }
    /// `tt` (element).
    @inlinable public static var tt: HTMLName { HTMLName(id: 128) }
    /// `u` (element).
    @inlinable public static var u: HTMLName { HTMLName(id: 129) }
    /// `ul` (element).
    @inlinable public static var ul: HTMLName { HTMLName(id: 130) }
    /// `var` (element).
    @inlinable public static var `var`: HTMLName { HTMLName(id: 131) }
    /// `video` (element).
    @inlinable public static var video: HTMLName { HTMLName(id: 132) }
    /// `wbr` (element).
    @inlinable public static var wbr: HTMLName { HTMLName(id: 133) }
    /// `xmp` (element).
    @inlinable public static var xmp: HTMLName { HTMLName(id: 134) }
    /// `id` (attribute).
    @inlinable public static var id: HTMLName { HTMLName(id: 135) }
    /// `class` (attribute).
    @inlinable public static var `class`: HTMLName { HTMLName(id: 136) }
    /// `href` (attribute).
    @inlinable public static var href: HTMLName { HTMLName(id: 137) }
    /// `alt` (attribute).
    @inlinable public static var alt: HTMLName { HTMLName(id: 138) }
    /// `src` (attribute).
    @inlinable public static var src: HTMLName { HTMLName(id: 139) }
    /// `name` (attribute).
    @inlinable public static var name: HTMLName { HTMLName(id: 140) }
    /// `rel` (attribute).
    @inlinable public static var rel: HTMLName { HTMLName(id: 141) }
    /// `property` (attribute).
    @inlinable public static var property: HTMLName { HTMLName(id: 142) }
    /// `http-equiv` (attribute).
    @inlinable public static var httpEquiv: HTMLName { HTMLName(id: 143) }
    /// `lang` (attribute).
    @inlinable public static var lang: HTMLName { HTMLName(id: 144) }
    /// `xml:lang` (attribute).
    @inlinable public static var xmlLang: HTMLName { HTMLName(id: 145) }
    /// `colspan` (attribute).
    @inlinable public static var colspan: HTMLName { HTMLName(id: 146) }
    /// `rowspan` (attribute).
    @inlinable public static var rowspan: HTMLName { HTMLName(id: 147) }
    /// `start` (attribute).
    @inlinable public static var start: HTMLName { HTMLName(id: 148) }
    /// `value` (attribute).
    @inlinable public static var value: HTMLName { HTMLName(id: 149) }
    /// `alttext` (attribute).
    @inlinable public static var alttext: HTMLName { HTMLName(id: 150) }
    /// `charset` (attribute).
    @inlinable public static var charset: HTMLName { HTMLName(id: 151) }
    /// `type` (attribute).
    @inlinable public static var type: HTMLName { HTMLName(id: 152) }
    /// `width` (attribute).
    @inlinable public static var width: HTMLName { HTMLName(id: 153) }
    /// `height` (attribute).
    @inlinable public static var height: HTMLName { HTMLName(id: 154) }
    /// `border` (attribute).
    @inlinable public static var border: HTMLName { HTMLName(id: 155) }
    /// `align` (attribute).
    @inlinable public static var align: HTMLName { HTMLName(id: 156) }
    /// `valign` (attribute).
    @inlinable public static var valign: HTMLName { HTMLName(id: 157) }
    /// `target` (attribute).
    @inlinable public static var target: HTMLName { HTMLName(id: 158) }
    /// `action` (attribute).
    @inlinable public static var action: HTMLName { HTMLName(id: 159) }
    /// `method` (attribute).
    @inlinable public static var method: HTMLName { HTMLName(id: 160) }
    /// `for` (attribute).
    @inlinable public static var `for`: HTMLName { HTMLName(id: 161) }
    /// `headers` (attribute).
    @inlinable public static var headers: HTMLName { HTMLName(id: 162) }
    /// `scope` (attribute).
    @inlinable public static var scope: HTMLName { HTMLName(id: 163) }
    /// `role` (attribute).
    @inlinable public static var role: HTMLName { HTMLName(id: 164) }
    /// `content` (attribute).
    @inlinable public static var content: HTMLName { HTMLName(id: 165) }
}
