members-welcome-title = Bienvenue dans le programme de mentorat
members-expectations =
    {"**"}Ce qu'on attend de toi**
    • Réponds aux points d'étape dans le salon de ton binôme (une minute à chaque fois ; les réponses en retard comptent aussi).
    • Fais preuve de bienveillance et de respect, et garde entre vous ce que ton partenaire te confie.
    • Préviens ton partenaire, ou un modérateur, si tu as besoin d'une pause.
members-how-to-change =
    {"**"}Tu peux changer d'avis à tout moment**
    Utilise `/profile view` ou `/profile edit` pour voir ou modifier ton profil. `/withdraw` te permet de quitter le programme, et `/mydata export` te donne une copie de tes données.
members-data-kept =
    {"**"}Ce que tandem conserve**
    Ton profil, tes réponses aux points d'étape et aux sondages, et le nombre d'activités dans le salon de ton binôme (jamais ce que tu écris). `/mydata delete` efface tout ça.
members-application-title = Candidature de mentor
members-approve = Approuver
members-decline = Refuser
members-decision = Décision
members-only-moderators-decide = Seuls les modérateurs peuvent approuver ou refuser les candidatures de mentor.
members-only-moderators = Seuls les modérateurs peuvent utiliser cette commande.
members-application-gone = Cette candidature n'existe plus : le membre a effacé ses données.
members-not-enrolled-self = Tu ne fais pas encore partie du programme. Rejoins-le avec `/enrol mentor` ou `/enrol mentee`.
members-only-own-profile = Tu ne peux voir que ton propre profil. Les modérateurs peuvent voir celui de tout le monde.
members-which-profile = Tu as à la fois un profil de mentor et un profil de mentoré. Ajoute l'option `role` pour indiquer lequel modifier.
members-left-programme = Tu as quitté le programme, il n'y a donc rien à modifier. Tu peux t'inscrire à nouveau avec `/enrol` quand tu veux.
members-changed-meanwhile = Ton profil a changé pendant que je l'enregistrais (un modérateur vient peut-être de prendre une décision à son sujet). Rien n'a été modifié. Relance la commande.
members-nothing-to-change = Rien à modifier. Ajoute au moins une option, par exemple `topics` ou `timezone`.
members-profile-updated = Ton profil est à jour :
members-status = Statut
members-topics = Sujets
members-timezone = Fuseau horaire
members-languages = Langues
members-capacity = Mentorés à la fois
members-goals = Objectifs
members-about = À propos
members-since = Inscription
members-nothing-to-withdraw = Tu ne participes pas au programme en ce moment, il n'y a donc rien à quitter.
members-withdraw-yes = Oui, quitter
members-cancel = Annuler
members-cancelled = Annulé : rien n'a changé.
members-leaving = Départ du programme…
members-not-your-button = Ce bouton appartient au message de quelqu'un d'autre.
members-members-title = Membres du programme
members-mentors = Mentors
members-mentees = Mentorés
members-pending-mentors = Candidatures de mentor (les plus anciennes d'abord)
members-waiting-mentees = Mentorés en attente d'un mentor (attente la plus longue d'abord)
members-none-yet = personne pour l'instant
members-none-waiting = personne n'attend
members-no-digest-channel = Astuce : choisis un salon du récapitulatif avec `/setup` pour que les nouvelles candidatures de mentor y soient publiées. En attendant, approuve-les avec les boutons ci-dessous.
members-no-topics = Ajoute au moins un sujet, en les séparant par des virgules, par exemple `rust, career, sql`.
members-too-many-topics = Ça fait { $count } sujets. Garde-en { $max } au maximum : ceux qui comptent le plus.
members-topic-too-long = Le sujet « { $topic } » est trop long. Utilise des mots-clés courts séparés par des virgules.
members-unknown-language = Je ne reconnais pas la langue « { $language } ». Utilise des codes comme `en, es, de` ou des noms comme `English`.
members-too-many-languages = Ça fait { $count } langues. Indiques-en 5 au maximum, s'il te plaît.
members-capacity-out-of-range = La capacité, c'est le nombre de mentorés que tu suis en même temps. Choisis de 1 à 5, pas { $capacity }.
members-about-too-long = Ta présentation fait { $chars } caractères ; limite-la à 300, s'il te plaît.
members-goals-too-long = Tes objectifs font { $chars } caractères ; limite-les à 500, s'il te plaît.
members-goals-required = Dis-nous ce que tu veux accomplir dans l'option `goals`. Ça nous aide à trouver le bon mentor pour toi.
# $option is an option's name as typed in Discord, e.g. `capacity`.
members-not-for-role =
    { $role ->
        [mentor] `{ $option }` est réservé aux profils de mentor.
       *[mentee] `{ $option }` est réservé aux profils de mentoré.
    }
members-enrolled-pending = Merci de proposer ton aide comme mentor ! Un modérateur va examiner ta candidature. Je t'enverrai un message privé avec la réponse, ou tu peux consulter `/profile view`.
members-enrolled-mentor = C'est noté, tu fais partie des mentors. Un modérateur va t'associer à un mentoré, et vous aurez un salon privé rien qu'à vous deux.
members-enrolled-mentee = C'est noté, tu fais partie des mentorés. Un modérateur va t'associer à un mentor, et vous aurez un salon privé rien qu'à vous deux.
members-updated =
    { $role ->
        [mentor] Tu avais déjà un profil de mentor, je l'ai donc mis à jour.
       *[mentee] Tu avais déjà un profil de mentoré, je l'ai donc mis à jour.
    }
members-rejoined =
    { $role ->
        [mentor] Content de te revoir ! Tu fais de nouveau partie des mentors.
       *[mentee] Content de te revoir ! Tu fais de nouveau partie des mentorés.
    }
members-application = <@{ $user }> aimerait devenir mentor (candidature envoyée <t:{ $applied }:R>). Approuve ou refuse ci-dessous.
members-application-dm = Merci d'avoir proposé d'être mentor sur **{ $guild }** ! Les modérateurs vont examiner ta candidature et je te tiendrai au courant ici.
members-approved-dm = Bonne nouvelle : ta candidature de mentor sur **{ $guild }** est acceptée. Un modérateur va bientôt t'associer à un mentoré, et vous aurez un salon privé rien qu'à vous deux.
members-declined-dm = Ta candidature de mentor sur **{ $guild }** n'a pas été retenue cette fois-ci. Si tu as des questions, adresse-toi à l'un des modérateurs du serveur.
members-approved-by = Approuvée par <@{ $moderator }> <t:{ $at }:R>.
members-declined-by = Refusée par <@{ $moderator }> <t:{ $at }:R>.
members-approved = Candidature approuvée : <@{ $user }> fait maintenant partie des mentors actifs.
members-declined = Candidature de <@{ $user }> refusée.
members-already-approved = Cette candidature a déjà été approuvée.
members-already-declined = Cette candidature a déjà été refusée.
members-withdrawn-since = La personne a quitté le programme depuis, il n'y a donc rien à décider.
members-still-pending = Cette candidature est toujours en attente.
members-not-enrolled-other = <@{ $user }> ne fait pas partie du programme.
members-no-such-profile =
    { $role ->
        [mentor] Tu n'as pas de profil de mentor. Inscris-toi avec `/enrol mentor`.
       *[mentee] Tu n'as pas de profil de mentoré. Inscris-toi avec `/enrol mentee`.
    }
members-application-limit = Tu as postulé comme mentor { $count } fois ces 30 derniers jours, c'est le maximum que je peux transmettre. Attends la réponse des modérateurs, ou écris-leur directement.
members-mentor-profile = Profil de mentor
members-mentee-profile = Profil de mentoré
members-status-pending = en attente : un modérateur doit approuver la candidature
members-status-active = actif
members-status-paused = en pause
members-status-withdrawn = a quitté le programme
members-status-declined = candidature non retenue
members-confirm-withdraw =
    { $roles ->
        [mentor] Quitter le programme en tant que mentor ? Tes binômes en tant que mentor prendront fin. Ton profil est conservé, donc tu peux revenir avec `/enrol`. Pour l'effacer, utilise `/mydata delete`.
        [mentee] Quitter le programme en tant que mentoré ? Tes binômes en tant que mentoré prendront fin. Ton profil est conservé, donc tu peux revenir avec `/enrol`. Pour l'effacer, utilise `/mydata delete`.
       *[both] Quitter le programme en tant que mentor et mentoré ? Tes binômes en tant que mentor et en tant que mentoré prendront fin. Ton profil est conservé, donc tu peux revenir avec `/enrol`. Pour l'effacer, utilise `/mydata delete`.
    }
members-withdrawn =
    { $roles ->
        [mentor] Tu as quitté le programme en tant que mentor. Merci d'avoir participé ! Reviens quand tu veux avec `/enrol`.
        [mentee] Tu as quitté le programme en tant que mentoré. Merci d'avoir participé ! Reviens quand tu veux avec `/enrol`.
       *[both] Tu as quitté le programme en tant que mentor et mentoré. Merci d'avoir participé ! Reviens quand tu veux avec `/enrol`.
    }
members-applied = <@{ $user }>, candidature envoyée <t:{ $at }:R>
members-waiting = <@{ $user }>, en attente (arrivée dans la file <t:{ $since }:R>)
members-and-more = …et { $count } de plus
members-answer-questions = Répondre aux questions
members-enrolled-questions = Merci de proposer ton aide comme mentor ! Encore une étape : les modérateurs posent quelques questions à chaque nouveau mentor. Appuie sur **Répondre aux questions** ci-dessous, et ta candidature leur sera transmise avec tes réponses.
members-nothing-to-answer = Aucune candidature n'attend tes réponses. Si tu veux être mentor, commence par `/enrol mentor`.
members-answers-sent = Merci ! Ta candidature et tes réponses sont entre les mains des modérateurs. Je t'enverrai un message privé avec leur réponse.
members-answers-sent-already = Tu as déjà envoyé tes réponses. Les modérateurs les ont bien reçues.
members-answer-every-question = Réponds à toutes les questions, puis renvoie le formulaire, s'il te plaît.
members-answer-too-long = Une réponse fait { $chars } caractères ; limite chacune à { $max }, s'il te plaît.
members-decline-title = Refuser la candidature
members-decline-reason = Motif court (facultatif, envoyé au membre)
members-decline-placeholder = Par exemple : en ce moment, nous cherchons des mentors sur d'autres sujets.
members-reason-too-long = Le motif fait { $chars } caractères ; limite-le à { $max }, s'il te plaît.
members-declined-dm-reason = Ta candidature de mentor sur **{ $guild }** n'a pas été retenue cette fois-ci. Les modérateurs ont écrit : « { $reason } ». Si tu as des questions, adresse-toi à l'un des modérateurs du serveur.
members-questions-saved = C'est enregistré. Les nouveaux mentors répondent désormais à ces questions quand ils postulent :
members-questions-unchanged = Rien n'a changé. Les nouveaux mentors répondent à ces questions quand ils postulent :
members-questions-current = Les nouveaux mentors répondent à ces questions quand ils postulent :
members-questions-blank = Toutes les questions étaient vides, donc rien n'a changé. Écris-en au moins une, ou utilise `clear:True` pour n'en poser aucune.
members-question-too-long = Une question fait { $chars } caractères, mais un formulaire en affiche au plus { $max }. Raccourcis-la et réessaie.
members-no-questions = Pas encore de questions : les nouveaux mentors postulent sans avoir à répondre. Ajoutes-en avec `/programme questions q1:…`.
members-questions-need-approval = Sur ce serveur, les nouveaux mentors sont actifs tout de suite, donc personne ne reçoit de questions pour l'instant. Active l'approbation avec `/setup mentor_approval:True`.
members-avoid-added = C'est fait. Tu ne seras pas mis en binôme avec <@{ $user }>. Cette personne n'est pas prévenue, et les modérateurs voient seulement que ce binôme n'est pas possible.
members-avoid-already = <@{ $user }> est déjà sur ta liste.
members-avoid-removed = Tu peux de nouveau être mis en binôme avec <@{ $user }>.
members-avoid-not-listed = <@{ $user }> n'est pas sur ta liste, donc rien n'a changé.
members-avoid-full = Ta liste compte déjà { $max } personnes. Retire d'abord quelqu'un avec `undo:True`.
members-avoid-self = C'est toi. Choisis quelqu'un d'autre.
members-avoid-bot = Les bots ne sont jamais mis en binôme, il n'y a donc rien à éviter.
members-avoid-not-member = Je ne trouve pas cette personne sur ce serveur. Choisis quelqu'un dans la liste pendant que tu tapes.
members-avoid-list = Tu as demandé à ne pas être en binôme avec : { $users }. Toi seul vois cette liste. Pour retirer quelqu'un, utilise `/profile avoid user: undo:True`.
members-avoid-empty = Tu n'as demandé à éviter personne. Si tu préfères ne pas être en binôme avec quelqu'un, utilise `/profile avoid user:`. Toi seul le sauras.
members-capacity-full =
    { $mentees ->
        [one] Tu as { $mentees } mentoré en ce moment, et ton binôme continue. Tu n'auras pas de nouveau mentoré tant que tu en as { $capacity } ou plus.
       *[other] Tu as { $mentees } mentorés en ce moment, et tes binômes continuent. Tu n'auras pas de nouveau mentoré tant que tu en as { $capacity } ou plus.
    }
