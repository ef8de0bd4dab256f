"""Site-template leftovers and page furniture never reach an article's text, so no tip carries them."""

from __future__ import annotations

import re

import pytest

from scheduler.articles import read_article
from scheduler.articles.furniture import is_furniture, strip_template
from scheduler.tips.drafting import split_article

LEFTOVER = re.compile(r"\{[{%#:<]|[%}]\}|<[A-Za-z/]|className|class=|&[a-z]+;|&#\d+;|\]\(|Read more|Share this",
                      re.IGNORECASE)


@pytest.mark.parametrize(("raw", "clean"), [
    ("Breathing slowly calms your body. {{ page.cta }} Try four counts in.",
     "Breathing slowly calms your body. Try four counts in."),
    ("{% include toc.html %}", ""),
    ("{%- if page.comments -%}{% endif %}", ""),
    ("{{< note >}} Write down what you need. {{< /note >}}", "Write down what you need."),
    ("{{% tip %}}Rest before you decide.{{% /tip %}}", "Rest before you decide."),
    ("Take a break {#take-a-break}", "Take a break"),
    ("Step away when you feel flooded. {: .lead}", "Step away when you feel flooded."),
    ('<div className="mt-4 text-lg">Name what you feel.</div>', "Name what you feel."),
    ('className="mt-4">Name what you feel.', "Name what you feel."),
    ('Name what you feel{" "}before you react.', "Name what you feel before you react."),
    ("Sleep at the same time {/* keep */} every night.", "Sleep at the same time every night."),
    ('Talk to your teen v-if="open" :class="x" @click="go" after dinner.', "Talk to your teen after dinner."),
    ("Rest &amp;amp; recover &amp;mdash; your body needs it.", "Rest & recover — your body needs it."),
    ("Ask for help.&nbsp;It works.", "Ask for help. It works."),
    ("Go for a walk. [&hellip;] Read More »", "Go for a walk."),
    ("Go for a walk… Continue reading", "Go for a walk"),
    ("![walking](walk.jpg) Walk after dinner.", "Walk after dinner."),
    ("See the [NIMH page](https://www.nimh.nih.gov) for more.", "See the NIMH page for more."),
    ("<%= post.title %>Keep a journal.", "Keep a journal."),
])
def test_template_markup_is_taken_out(raw, clean):
    assert strip_template(raw) == clean


@pytest.mark.parametrize("line", [
    "Read more", "Read More »", "Continue reading →", "[Read more]", "Learn more", "Keep reading...",
    "Share this:", "Share on Facebook", "Share: Facebook Twitter LinkedIn Email", "Tweet | Pin it | Email",
    "Photo by Jane Doe on Unsplash", "Image: a woman walking by the sea", "Image credit: Canva",
    "A couple walking on the beach, via Pexels", "Source: iStock", "Featured image courtesy of Pixabay",
    "3 Comments", "Leave a comment", "Tags: anxiety, stress", "Posted in: Couples",
])
def test_page_furniture_is_recognised(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Picture yourself somewhere calm.", "Read more books that make you laugh.", "Learn more about your triggers.",
    "Share your worries with someone you trust.", "Sources of stress differ from person to person.",
    "Images of a calm place can help you breathe slower.", "Comment on what went well, not only what went wrong.",
    "Email can wait until the morning.", "Print your plan and keep it where you see it.",
])
def test_advice_is_not_furniture(line):
    assert not is_furniture(line)
    assert strip_template(line) == line


JEKYLL = """---
title: "Coping with stress {{ site.title }}"
layout: post
---
{% include toc.html %}

## Take a break {#take-a-break}

Step away for twenty minutes when you feel flooded. {: .lead}

{{< figure src="/img/walk.jpg" caption="A walk in the park" >}}

![A person walking](walk.jpg)
*Photo by Jane Doe on Unsplash*

Breathing slowly calms your body. {{ page.cta }} Try four counts in and six counts out.

{{< note >}}
Write down what you need before you talk to your partner.
{{< /note >}}

Read more

Share this: Facebook Twitter LinkedIn

## Protect Your Sleep {: .h2}

<div className="mt-4 text-lg">Go to bed at the same time every night, even on weekends.</div>

{% if page.comments %}3 Comments{% endif %}

[Read More »](/blog/next)
"""

TEXT = """How to calm down after a fight
{% include byline.html %}

Take a break {#take-a-break}
Step away for twenty minutes when you feel flooded. {: .lead}
Breathing slowly calms your body. {{ page.cta }} Try four counts in and six counts out.

Photo by Jane Doe on Unsplash

- Walk around the block before you talk again.{" "}
- Drink a glass of water &amp;amp; sit down.

Read more
"""

PAGE = """<html><head><title>Sleep and stress | A practice</title></head><body><article>
<h1>Sleep and stress</h1>
<h2 class="wp-block-heading">Protect your sleep {#sleep}</h2>
<p>Go to bed at the same time every night, even on weekends. {{ post.cta }}</p>
<p>Photo by Jane Doe on Unsplash</p>
<p>Screens keep your brain alert, so put the phone away an hour before bed. &amp;nbsp;</p>
<p>{% include share.html %}</p>
<p>Share this: Facebook | Twitter | Email</p>
<p><a href="/blog/next">Read more »</a></p>
</article></body></html>"""


@pytest.mark.parametrize(("name", "content"), [("jekyll.md", JEKYLL), ("saved.txt", TEXT), ("page.html", PAGE)])
def test_no_leftover_reaches_blocks_headings_or_tips(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    article = read_article(path)
    seen = [article.title] + [section.heading or "" for section in article.sections] + [
        text for _, block in article.blocks() for text in [block.text, *(item.full for item in block.items)]]
    assert not [text for text in seen if LEFTOVER.search(text) or is_furniture(text) and text]
    assert not any("Unsplash" in text for text in seen)
    tips = split_article(article)
    assert tips
    for tip in tips:
        assert not LEFTOVER.search(tip.headline + " " + tip.text), tip


def test_headings_survive_their_attribute_lists(tmp_path):
    path = tmp_path / "jekyll.md"
    path.write_text(JEKYLL, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Coping with stress"
    assert [section.heading for section in article.sections] == ["Take a break", "Protect Your Sleep"]
    texts = [block.text for _, block in article.blocks()]
    assert "Step away for twenty minutes when you feel flooded." in texts
    assert "Write down what you need before you talk to your partner." in texts
    assert "Go to bed at the same time every night, even on weekends." in texts
