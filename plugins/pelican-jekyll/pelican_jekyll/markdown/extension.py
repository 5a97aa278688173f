"""The Python-Markdown extension that renders Markdown as Jekyll 4.3 does by default."""

from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

from .attributes import SAFE_ATTRIBUTES, BlockIalProcessor, SafeAttrListProcessor
from .code import FencedCodePreprocessor, NestedFenceProcessor
from .comments import CommentLineProcessor
from .emphasis import EmphasisBudget, KramdownEmphasisProcessor
from .headers import HeadingTabsPostprocessor, HeadingTabsPreprocessor, KramdownHeaderProcessor
from .html_blocks import MarkedMarkdownInHtmlProcessor, UnclosedBlocksPreprocessor
from .links import register_links
from .lists import KramdownListProcessor, ParagraphEndProcessor
from .markup import JekyllMarkupProcessor
from .paragraphs import KramdownParagraphProcessor
from .quotes import KramdownQuoteProcessor
from .raw_html import BlockTagsPreprocessor, MarkdownAttributePostprocessor, RawSpanProcessor
from .references import KramdownReferenceProcessor
from .rules import KramdownRuleProcessor
from .tables import KramdownTableProcessor
from .typography import TypographyProcessor

# kramdown-parser-gfm's STRIKETHROUGH_MATCH.
STRIKETHROUGH_RE = r"(~~)(?!\s|~)(.*?[^\s~])~~"
# kramdown-parser-gfm's ESCAPED_CHARS_GFM, beyond Python-Markdown's own.
KRAMDOWN_ESCAPES = ["<", ">", ":", "|", '"', "'", "$", "=", "~"]


class JekyllMarkdownExtension(Extension):
    """kramdown with its GFM parser, as Jekyll configures it (auto_ids, smart quotes…)."""

    def __init__(self, **kwargs):
        self.config = {
            "guillemet_space": [
                "\u00a0",
                "the space kramdown puts inside `<< ` and ` >>` (U+00A0); U+202F for French",
            ],
            "allowed_attributes": [
                sorted(SAFE_ATTRIBUTES),
                "attributes an attribute list may set, among the safe ones; others are refused",
            ],
        }
        super().__init__(**kwargs)

    def __repr__(self):
        # Stable from one build to the next: jekyll_compat's read memo keys on the settings.
        return f"JekyllMarkdownExtension({self.getConfigs()!r})"

    def extendMarkdown(self, md):
        # kramdown's own extras with the same syntax as PHP Markdown Extra.
        md.registerExtensions(
            [
                "markdown.extensions.abbr",
                "markdown.extensions.def_list",
                "markdown.extensions.footnotes",
                "markdown.extensions.md_in_html",
            ],
            {},
        )
        md.registerExtension(self)
        md.ESCAPED_CHARS = [*md.ESCAPED_CHARS, *KRAMDOWN_ESCAPES]
        # Before normalize_whitespace (30) turns tabs into spaces.
        md.preprocessors.register(HeadingTabsPreprocessor(md), "jekyll_heading_tabs", 31)
        md.postprocessors.register(HeadingTabsPostprocessor(md), "jekyll_heading_tabs", 5)
        md.preprocessors.register(FencedCodePreprocessor(md), "jekyll_fenced_code", 25)
        # Before md_in_html's html_block (20), which asks which tags are block-level.
        md.preprocessors.register(BlockTagsPreprocessor(md), "jekyll_block_tags", 22)
        md.preprocessors.register(CommentLineProcessor(md), "jekyll_comment_lines", 21)
        md.preprocessors.register(UnclosedBlocksPreprocessor(md), "jekyll_unclosed_blocks", 20.5)
        # Before raw_html (30) puts the raw HTML back into the text.
        md.postprocessors.register(MarkdownAttributePostprocessor(md), "jekyll_markdown_attr", 31)
        parser = md.parser.blockprocessors
        for name in ("olist", "ulist", "indent"):
            if name in parser:
                parser.deregister(name)
        # md_in_html's own, at its place, marking the elements it reads as Markdown.
        parser.register(MarkedMarkdownInHtmlProcessor(md.parser), "markdown_block", 105)
        block_ials = BlockIalProcessor(md.parser)
        parser.register(block_ials, "jekyll_block_ial", 105)
        parser.register(NestedFenceProcessor(md.parser), "jekyll_fence", 85)
        parser.register(KramdownHeaderProcessor(md.parser), "hashheader", 70)
        parser.register(KramdownTableProcessor(md.parser), "jekyll_table", 25)
        parser.register(KramdownListProcessor(md.parser), "jekyll_list", 35)
        # kramdown's order: quote, heading, rule, list, then table.
        parser.register(KramdownQuoteProcessor(md.parser), "quote", 30)
        parser.register(KramdownRuleProcessor(md.parser), "hr", 50)
        parser.register(KramdownReferenceProcessor(md.parser), "reference", 15)
        parser.register(ParagraphEndProcessor(md.parser), "jekyll_paragraph_end", 11)
        parser.register(KramdownParagraphProcessor(md.parser), "paragraph", 10)
        space = self.getConfig("guillemet_space")
        md.inlinePatterns.register(TypographyProcessor(md, space), "jekyll_typography", 95)
        register_links(md)
        # After code spans (190), before escapes (180): raw elements keep their backslashes.
        md.inlinePatterns.register(RawSpanProcessor(md), "jekyll_raw_span", 185)
        emphasis = KramdownEmphasisProcessor(md)
        md.inlinePatterns.register(emphasis, "em_strong", 60)
        md.preprocessors.register(EmphasisBudget(md, emphasis), "jekyll_emphasis_budget", 40)
        strike = SimpleTagInlineProcessor(STRIKETHROUGH_RE, "del")
        md.inlinePatterns.register(strike, "jekyll_strikethrough", 55)
        # A setting may narrow the safe set, never widen it.
        allowed = frozenset(a.lower() for a in self.getConfig("allowed_attributes"))
        allowed &= SAFE_ATTRIBUTES
        # Its `refused` list names what the last conversion refused (jekyll_compat tells it).
        attributes = SafeAttrListProcessor(md, allowed, block_ials)
        md.treeprocessors.register(attributes, "attr_list", 8)
        # After Python-Markdown's last step (unescaping, 0): ids read the text as shown.
        md.treeprocessors.register(JekyllMarkupProcessor(md), "jekyll_markup", -1)
