"""Which single lines are a page's chrome (:func:`digest.ingest.chrome.is_chrome_phrase`):
prompts, notices, controls and credits in the languages of the pages, and the article's own
sentences that look like them. How whole pages are cleaned is tested in test_textdump.py."""

from __future__ import annotations

import pytest

from digest.ingest import chrome

CHROME = [
    # a survey prompt or a credit to a private archive
    'Welcome to our new article page. Tell us what you think about our new look by taking '
    'this survey.',
    'личный архив Дарьи Калугиной',
    # a caption led by its credit or a bracketed label
    '© Jane Doe Council members vote on the budget in the chamber on Monday afternoon.',
    '[Related: Mayor opens the new bridge over the river]',
    '(Leggi anche su: Il sindaco inaugura il nuovo ponte sul fiume)',
    # share buttons and labels in more languages
    'Facebook Twitter',
    'twitter linkedin facebook instagram',
    'Facebook, Twitter, E-mail',
    'Share Close extra sharing options',
    'Sdílet článek',
    'Související',
    'Paylaş',
    '分享到',
    # a comment policy or a newsletter form's message
    'ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.',
    'Les commentaires sont modérés avant publication.',
    'You have succesfully subscribed. Thank you!',
    'An email with an activation link has just been sent to your email address.',
    'Stay up to date with Example Corp.',
    # a call to follow the outlet's coverage
    'Follow our coverage of the war on the @Example_official.',
    # buttons of an author's box and a comment count, an audio player's, a picture's labels
    'Email the author | Follow on Twitter',
    'Get author RSS feed',
    'View/Post Comments',
    'Escucha esta noticia',
    'Listen to this story',
    'Photo of the Day',
    'Video: Jane Roe/Harbour Gazette',
    # the site's notes on how it checks its articles
    'Learn about our Financial Review Board',
    'Learn more about us',
    # reprint notices, contact lines and shortcodes
    '- Order Reprints',
    '- Print Article',
    'This copy is for your personal, non-commercial use only. To order copies visit the site.',
    'Write to Jane Roe at jane.roe@example.com',
    '[button link=”https://example.com/submit/” type=”big”] Send us YOUR review[/button]',
    'Tell us what YOU think...',
    # a picture's "click to enlarge"
    'The new bridge and its approaches. Zum Vergrößern auf das Bild klicken. (Stand Juni 2016)',
    'Map of the new district (click to enlarge)',
    # an embedded post's prompt
    'View this post on Instagram',
    'Sieh dir diesen Beitrag auf Instagram an',
    'Ein Beitrag geteilt von Jane Roe (@janeroe)',
    # a pointer to another story on the site
    'Also on example.com Mayor opens the new bridge over the river',
    'On ExampleChronicle.com: Mayor opens the new bridge',
    # reading controls and a comment section's terms
    'Ouvir o texto',
    'Aumentar fonte',
    'Listen to this article',
    'Enviá tu comentario',
    'Los comentarios publicados son de exclusiva responsabilidad de sus autores.',
    'Para poder comentar tenés que ingresar con tu usuario.',
    'You must be logged in to post a comment.',
    'Pour commenter, connectez-vous.',
    # a notice that JavaScript is off
    'Sie haben Javascript für Ihren Browser deaktiviert.',
    'Activez JavaScript pour lire nos articles.',
]

ARTICLE_TEXT = [
    # a sentence that opens with the words of a note about the site
    'Learn about our past and you will understand why the harbour matters to this city.',
    # a headline or a sentence about a picture or a video, not its label
    'Video shows the ferry crashing into the harbour pier',
    'Images show a baby whale trapped in a net off the coast',
    'Video of the couple hours before the birth of their quadruplets',
    # a survey the article reports on
    'We asked readers to take a survey about the war and 40 percent said they feared for '
    'their families.',
    # an enumerated point or a bracketed sentence
    "(c) the right to appeal against the council's decision",
    '(The mayor said the tags on the bins were wrong.)',
    # a sentence about the networks
    'Twitter said on Monday it would close the office.',
    'Facebook and Twitter removed the posts within hours.',
    # comments someone made are not a comment policy
    'Los comentarios del presidente fueron moderados.',
    'The comments of the minister were approved by the cabinet.',
    # a list item or a call in the article
    '- The council approved the budget on Monday',
    'Write to your member of parliament, the campaigners urged.',
    # a sentence about a post on a network
    'She posted the photos on Instagram on Monday evening.',
    # a sentence naming a site
    'On Amazon.com, the book sells for $20.',
    # a refusal to comment
    'The minister declined to comment on the report.',
]


@pytest.mark.parametrize("line", CHROME)
def test_a_line_of_chrome_is_chrome(line):
    assert chrome.is_chrome_phrase(line)


@pytest.mark.parametrize("line", ARTICLE_TEXT)
def test_a_sentence_of_the_article_that_looks_like_chrome_is_not(line):
    assert not chrome.is_chrome_phrase(line)
