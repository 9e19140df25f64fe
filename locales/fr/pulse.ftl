pulse-scale-1 = 1 – pas du tout
pulse-scale-2 = 2 – un peu
pulse-scale-3 = 3 – moyennement
pulse-scale-4 = 4 – plutôt
pulse-scale-5 = 5 – tout à fait
# $question is the moderators' own question, shown as they wrote it.
pulse-question = **Petit sondage pouls de { $guild }** (anonyme)
    { $question }
    Les modérateurs ne voient que les totaux, et seulement une fois que { $min } personnes ou plus ont répondu.
pulse-question-in-channel = <@{ $user }>, tes messages privés sont fermés, alors voici ici le petit sondage pouls du programme (anonyme) :
    { $question }
    Les modérateurs ne voient que les totaux, et seulement une fois que { $min } personnes ou plus ont répondu.
pulse-thanks = Merci, tu as choisi { $score }. Personne ne voit qui a répondu quoi. Tu veux ajouter un commentaire ? Il est anonyme lui aussi.
pulse-score-unchanged = Tu as déjà choisi { $score }, donc rien n'a changé.
pulse-comment-button = Ajouter un commentaire
pulse-modal-title = Commentaire anonyme
pulse-comment = Un message pour les modérateurs ?
pulse-comment-saved = Merci, ton commentaire est enregistré sans ton nom.
pulse-score-first = Choisis d'abord une note, puis ajoute ton commentaire.
pulse-comment-empty = Le commentaire était vide, donc rien n'a été enregistré. Écris quelques mots, ou garde simplement ta note.
pulse-closed = Cette question du pouls est close, ta réponse n'a donc pas été enregistrée. La prochaine arrive bientôt.
pulse-not-asked = Cette question du pouls a été envoyée à quelqu'un d'autre.
pulse-only-moderators = Seuls les modérateurs peuvent lancer des sondages pouls et en voir les résultats.
pulse-no-round = Pas encore de sondage pouls. Lances-en un avec `/pulse now`, ou attends le prochain envoi prévu (voir `/setup`).
pulse-nobody = Personne n'est encore actif dans le programme, il n'y a donc personne à interroger.
# $closes is a Unix time for a Discord timestamp.
pulse-still-open =
    { $answers ->
        [one] Le sondage pouls en cours a reçu { $answers } réponse pour l'instant. Ses résultats s'afficheront à sa clôture, <t:{ $closes }:R>.
       *[other] Le sondage pouls en cours a reçu { $answers } réponses pour l'instant. Ses résultats s'afficheront à sa clôture, <t:{ $closes }:R>.
    }
pulse-round-started = Sondage pouls lancé : { $members } membres actifs sont interrogés par message privé. Consulte les totaux avec `/pulse results` dès que { $min } auront répondu.
pulse-hidden = **{ $question }**
    { $answered } sur { $asked } ont répondu pour l'instant. Les résultats s'affichent dès que { $min } ont répondu, pour qu'aucune réponse ne puisse être rattachée à une personne.
pulse-title = Pouls : { $question }
pulse-overview = { $answered } sur { $asked } ont répondu · moyenne **{ $average }** sur 5 · question posée le <t:{ $started }:D>
pulse-answers = Réponses
pulse-comments = Commentaires, dans un ordre aléatoire, sans noms
